using System.Text.RegularExpressions;
using AnomSeer.Answers;

namespace AnomSeer.Training;

/// <summary>
/// The teacher-forcing target of SFT: a reasoning trace derived from the sample's ExpCoT, then the answer and class tags
/// (<see cref="AnswerFormatter"/>).
/// </summary>
public static partial class SftTargets
{
    /// <summary>
    /// The ExpCoT without what only a labeller can say: the meta-sentence <c>Ground truth labels [[s, e], …] as &lt;class&gt;.</c>
    /// is removed, and the conclusion <c>We report the GT interval(s) X as the final localization for supervision.</c> becomes
    /// <c>We report the interval(s) X as the final localization.</c> (the model's own claim). The expert's evidence, the
    /// ground-truth phrase and the detector's proposal stay. Whitespace is tidied.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expCot"/> is null.</exception>
    public static string Reasoning(string expCot)
    {
        ArgumentNullException.ThrowIfNull(expCot);
        string text = MetaSentence().Replace(expCot, "");
        text = SupervisionConclusion().Replace(text, "We report the interval(s) $1 as the final localization.");
        text = text.Replace("</think>", "", StringComparison.OrdinalIgnoreCase);
        return SpaceBeforeNewline().Replace(text, "\n").Trim();
    }

    /// <summary>
    /// The reasoning in the given style: <see cref="SftReasoningStyle.Full"/> is <see cref="Reasoning(string)"/>;
    /// <see cref="SftReasoningStyle.Concise"/> keeps only its first paragraph (everything before the
    /// first line break, which ends the observation and routing paragraph of the generator's layout), or the whole text
    /// when it is one paragraph.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expCot"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="style"/> is not defined.</exception>
    public static string Reasoning(string expCot, SftReasoningStyle style)
    {
        string full = Reasoning(expCot);
        switch (style)
        {
            case SftReasoningStyle.Full:
                return full;
            case SftReasoningStyle.Concise:
                int cut = full.IndexOf('\n', StringComparison.Ordinal);
                return cut < 0 ? full : full[..cut].Trim();
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, "Not a defined SftReasoningStyle.");
        }
    }

    /// <summary>The target response with the reasoning in the given style; see <see cref="Text(TimerPoExample)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="example"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="style"/> is not defined.</exception>
    public static string Text(TimerPoExample example, SftReasoningStyle style)
    {
        ArgumentNullException.ThrowIfNull(example);
        return AnswerFormatter.Format(Reasoning(example.ExpertReference, style), example.GroundTruth,
            example.GroundTruthClass ?? AnomalyClass.Normal);
    }

    /// <summary>The full target response of <paramref name="example"/>:
    /// <c>&lt;think&gt;reasoning&lt;/think&gt;\n&lt;answer&gt;[[s, e], …]&lt;/answer&gt;\n&lt;class&gt;…&lt;/class&gt;</c>; a sample
    /// without a class is written as normal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="example"/> is null.</exception>
    public static string Text(TimerPoExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return AnswerFormatter.Format(Reasoning(example.ExpertReference), example.GroundTruth,
            example.GroundTruthClass ?? AnomalyClass.Normal);
    }

    [GeneratedRegex(@"Ground[ -]truth labels \[[^\n]*?\] as [^\n]*?\.(?=\s|$)\s?", RegexOptions.IgnoreCase)]
    private static partial Regex MetaSentence();

    [GeneratedRegex(@"We report the GT interval\(s\) (\[[^\n]*?\]) as the final localization for supervision\.", RegexOptions.IgnoreCase)]
    private static partial Regex SupervisionConclusion();

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex SpaceBeforeNewline();
}
