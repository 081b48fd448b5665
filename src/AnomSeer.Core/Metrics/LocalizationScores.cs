namespace AnomSeer.Metrics;

/// <summary>The six localisation metrics that the TSAD reward averages.</summary>
/// <param name="Precision">Point-wise precision.</param>
/// <param name="Recall">Point-wise recall.</param>
/// <param name="F1">Point-wise F1.</param>
/// <param name="AffPrecision">Affiliation precision (0 when undefined).</param>
/// <param name="AffRecall">Affiliation recall.</param>
/// <param name="AffF1">Affiliation F1.</param>
public readonly record struct LocalizationScores(double Precision, double Recall, double F1, double AffPrecision, double AffRecall, double AffF1)
{
    /// <summary>All six metrics 0 (an unparseable answer, or exactly one side empty).</summary>
    public static LocalizationScores Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>All six metrics 1 (prediction and ground truth both empty).</summary>
    public static LocalizationScores One { get; } = new(1, 1, 1, 1, 1, 1);

    /// <summary>The mean of the six metrics.</summary>
    public double Mean => (Precision + Recall + F1 + AffPrecision + AffRecall + AffF1) / 6;
}
