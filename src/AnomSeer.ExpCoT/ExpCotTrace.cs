using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.ExpCoT;

/// <summary>The result of <see cref="ExpCotGenerator.Generate(TimeSeries, IReadOnlyList{AnomalyInterval}, AnomalyClass, string?, CancellationToken)"/>.</summary>
public sealed class ExpCotTrace
{
    internal ExpCotTrace(string text, ExpertKind expert, ExpertFinding? finding, bool denoised, int denoiseWindow,
        double maxAbsZ, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass groundTruthClass)
    {
        Text = text;
        Expert = expert;
        Finding = finding;
        Denoised = denoised;
        DenoiseWindow = denoiseWindow;
        MaxAbsZScore = maxAbsZ;
        GroundTruth = groundTruth;
        GroundTruthClass = groundTruthClass;
    }

    /// <summary>The ExpCoT text (Observation / Reasoning &amp; Validation / Conclusion).</summary>
    public string Text { get; }

    /// <summary>The detector the router chose; <see cref="ExpertKind.None"/> for series that are too short.</summary>
    public ExpertKind Expert { get; }

    /// <summary>The chosen detector's finding (intervals, evidence, metrics); <see langword="null"/> when none ran.</summary>
    public ExpertFinding? Finding { get; }

    /// <summary>The intervals the chosen detector proposed (empty when none ran).</summary>
    public IReadOnlyList<AnomalyInterval> DetectedIntervals => Finding?.Intervals ?? [];

    /// <summary>The chosen detector's statistics (empty when none ran).</summary>
    public IReadOnlyDictionary<string, double> Metrics => Finding?.Metrics ?? new Dictionary<string, double>();

    /// <summary>Whether the series was Savitzky–Golay denoised first (noisy task).</summary>
    public bool Denoised { get; }

    /// <summary>The denoising window, or 0 when not denoised.</summary>
    public int DenoiseWindow { get; }

    /// <summary>max |z| of the (denoised) series used for routing; 0 for short series.</summary>
    public double MaxAbsZScore { get; }

    /// <summary>The ground truth given.</summary>
    public IReadOnlyList<AnomalyInterval> GroundTruth { get; }

    /// <summary>The ground-truth class given.</summary>
    public AnomalyClass GroundTruthClass { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
