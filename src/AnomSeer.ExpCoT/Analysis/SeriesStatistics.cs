namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// Global statistics of a series as the ExpCoT router uses them (method spec b.3 step 2): mean,
/// population standard deviation (ddof = 0), z-scores and the largest absolute z-score.
/// </summary>
public static class SeriesStatistics
{
    /// <summary>The standard deviation at or below which z-scores are defined as 0 (spec b.3: "0 if sd &lt;= 1e-6").</summary>
    public const double DegenerateStdThreshold = 1e-6;

    /// <summary>Arithmetic mean.</summary>
    /// <exception cref="ArgumentException">Empty input or a non-finite value.</exception>
    public static double Mean(ReadOnlySpan<double> values)
    {
        InputGuard.RequireLength(values, 1, nameof(values), "The mean");
        InputGuard.RequireFinite(values, nameof(values));
        return MeanUnchecked(values);
    }

    /// <summary>Population standard deviation (divides by n, numpy's default ddof = 0), two-pass.</summary>
    /// <exception cref="ArgumentException">Empty input or a non-finite value.</exception>
    public static double PopulationStd(ReadOnlySpan<double> values)
    {
        InputGuard.RequireLength(values, 1, nameof(values), "The standard deviation");
        InputGuard.RequireFinite(values, nameof(values));
        return StdUnchecked(values, MeanUnchecked(values));
    }

    /// <summary>
    /// z-scores <c>(x - mean) / std</c> with the population std (scipy.stats.zscore, ddof = 0). When the
    /// std is at most <paramref name="degenerateStd"/> every z-score is 0 instead of NaN.
    /// </summary>
    /// <exception cref="ArgumentException">Empty input or a non-finite value.</exception>
    public static double[] ZScores(ReadOnlySpan<double> values, double degenerateStd = DegenerateStdThreshold)
    {
        InputGuard.RequireLength(values, 1, nameof(values), "z-scores");
        InputGuard.RequireFinite(values, nameof(values));
        double mu = MeanUnchecked(values), sd = StdUnchecked(values, mu);
        var z = new double[values.Length];
        if (sd <= degenerateStd) return z;
        for (int i = 0; i < z.Length; i++) z[i] = (values[i] - mu) / sd;
        return z;
    }

    /// <summary>
    /// <c>max |x - mean| / std</c>, or 0 when the std is at most <paramref name="degenerateStd"/> (spec b.3 step 2).
    /// </summary>
    /// <exception cref="ArgumentException">Empty input or a non-finite value.</exception>
    public static double MaxAbsZScore(ReadOnlySpan<double> values, double degenerateStd = DegenerateStdThreshold)
    {
        InputGuard.RequireLength(values, 1, nameof(values), "The max |z|");
        InputGuard.RequireFinite(values, nameof(values));
        double mu = MeanUnchecked(values), sd = StdUnchecked(values, mu);
        if (sd <= degenerateStd) return 0;
        double m = 0;
        foreach (double v in values) m = Math.Max(m, Math.Abs(v - mu));
        return m / sd;
    }

    internal static double MeanUnchecked(ReadOnlySpan<double> values)
    {
        double s = 0;
        foreach (double v in values) s += v;
        return s / values.Length;
    }

    internal static double StdUnchecked(ReadOnlySpan<double> values, double mean)
    {
        double s = 0;
        foreach (double v in values)
        {
            double d = v - mean;
            s += d * d;
        }
        return Math.Sqrt(s / values.Length);
    }
}
