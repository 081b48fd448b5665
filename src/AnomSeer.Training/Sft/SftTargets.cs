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
    /// The ExpCoT without its meta-sentence <c>Ground truth labels [[s, e], …] as &lt;class&gt;.</c>, which states the labels
    /// as given (a model cannot know them); the expert's evidence and the ground-truth phrase stay. Whitespace is tidied.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expCot"/> is null.</exception>
    public static string Reasoning(string expCot)
    {
        ArgumentNullException.ThrowIfNull(expCot);
        string text = MetaSentence().Replace(expCot, "");
        text = text.Replace("</think>", "", StringComparison.OrdinalIgnoreCase);
        return SpaceBeforeNewline().Replace(text, "\n").Trim();
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

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex SpaceBeforeNewline();
}
