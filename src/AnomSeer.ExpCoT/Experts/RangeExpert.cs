using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// The range detector of method spec b.3 step 3: values outside <c>mean ± k·std</c> (population std, k = 3).
/// Metrics: <c>mean</c>, <c>std</c>, <c>lower</c>, <c>upper</c>, <c>max_abs_z</c>, <c>intervals</c>.
/// </summary>
public static class RangeExpert
{
    /// <summary>Runs the detector.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">Empty input or a value that is not finite.</exception>
    public static ExpertFinding Run(ReadOnlySpan<double> values, ExpCotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InputGuard.RequireLength(values, 1, nameof(values), "The range detector");
        InputGuard.RequireFinite(values, nameof(values));
        double mu = SeriesStatistics.MeanUnchecked(values), sd = SeriesStatistics.StdUnchecked(values, mu);
        double k = options.RangeSigma, lo = mu - k * sd, hi = mu + k * sd;
        var mask = new bool[values.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = values[i] > hi || values[i] < lo;
        var intervals = MaskRuns.ToIntervals(mask);
        string text = $"To find range anomalies, I first calculated the global statistics: the mean is {PyFormat.Fixed(mu, 3)} and the standard deviation is {PyFormat.Fixed(sd, 3)}. This establishes a normal range of [{PyFormat.Fixed(lo, 3)}, {PyFormat.Fixed(hi, 3)}] using a {PyFormat.Float(k)}-sigma rule. Scanning the series for points outside this boundary resulted in finding {intervals.Count} anomalous interval(s).";
        var metrics = new Dictionary<string, double>
        {
            ["mean"] = mu,
            ["std"] = sd,
            ["lower"] = lo,
            ["upper"] = hi,
            ["max_abs_z"] = SeriesStatistics.MaxAbsZScore(values),
            ["intervals"] = intervals.Count,
        };
        return new ExpertFinding(ExpertKind.Range, intervals, text, metrics);
    }
}
