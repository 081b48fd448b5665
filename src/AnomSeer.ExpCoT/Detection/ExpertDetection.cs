using AnomSeer.Answers;
using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.ExpCoT.Detection;

/// <summary>
/// The answer of the <see cref="ExpertDetector"/>: a reasoning trace, anomalous intervals and a class, i.e. the
/// three parts of an AnomSeer response (method spec b.0), plus the evidence behind the decision.
/// </summary>
public sealed class ExpertDetection
{
    internal ExpertDetection(string reasoning, IReadOnlyList<AnomalyInterval> intervals, AnomalyClass anomalyClass,
        ExpertKind expert, IReadOnlyList<ExpertFinding> findings, bool denoised, double maxAbsZScore)
    {
        Reasoning = reasoning;
        Intervals = intervals;
        Class = anomalyClass;
        Expert = expert;
        Findings = findings;
        Denoised = denoised;
        MaxAbsZScore = maxAbsZScore;
    }

    /// <summary>The reasoning (what goes inside <c>&lt;think&gt;</c>).</summary>
    public string Reasoning { get; }

    /// <summary>The detected half-open intervals; empty for a normal series.</summary>
    public IReadOnlyList<AnomalyInterval> Intervals { get; }

    /// <summary>The decided class (<see cref="AnomalyClass.Normal"/> when nothing was found).</summary>
    public AnomalyClass Class { get; }

    /// <summary>The detector whose evidence decided; <see cref="ExpertKind.None"/> for "normal".</summary>
    public ExpertKind Expert { get; }

    /// <summary>Every detector that ran, with its evidence and metrics, in the order they ran.</summary>
    public IReadOnlyList<ExpertFinding> Findings { get; }

    /// <summary>Whether the series was smoothed before the structural and discord scans.</summary>
    public bool Denoised { get; }

    /// <summary>max |z| of the raw series.</summary>
    public double MaxAbsZScore { get; }

    /// <summary>The full response in the AnomSeer answer format:
    /// <c>&lt;think&gt;…&lt;/think&gt;\n&lt;answer&gt;[[s, e], …]&lt;/answer&gt;\n&lt;class&gt;…&lt;/class&gt;</c>.</summary>
    public string ToAnswerText() => AnswerFormatter.Format(Reasoning, Intervals, Class);

    /// <inheritdoc />
    public override string ToString() => ToAnswerText();
}
