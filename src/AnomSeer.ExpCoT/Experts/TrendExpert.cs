using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// The trend detector of method spec b.3 step 3: Savitzky–Golay smoothing (window 21, order 2), numpy gradient,
/// points whose gradient deviates from the gradient mean by more than k = 3 gradient stds.
/// Metrics: <c>gradient_mean</c>, <c>gradient_std</c>, <c>threshold</c>, <c>max_gradient_deviation_sigma</c>
/// (largest |g − mean| in gradient stds, 0 when the std is degenerate), <c>intervals</c>.
/// </summary>
public static class TrendExpert
{
    /// <summary>Runs the detector; not applicable below <see cref="ExpCotOptions.TrendMinimumLength"/> values.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A value that is not finite.</exception>
    public static ExpertFinding Run(ReadOnlySpan<double> values, ExpCotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InputGuard.RequireFinite(values, nameof(values));
        int w = options.TrendSmoothingWindow;
        if (values.Length < options.TrendMinimumLength)
        {
            return new ExpertFinding(ExpertKind.Trend, [],
                $"For trend analysis, the series (length {values.Length}) is too short: the smoothed-gradient check needs at least {options.TrendMinimumLength} points, so no trend interval was identified.",
                new Dictionary<string, double> { ["intervals"] = 0 }, applicable: false);
        }
        var s = SavitzkyGolay.Filter(values, w, options.TrendPolyorder);
        var g = NumericGradient.Compute(s);
        double gm = SeriesStatistics.MeanUnchecked(g), gs = SeriesStatistics.StdUnchecked(g, gm);
        double thr = options.TrendSigma * gs;
        double maxDev = 0;
        foreach (double v in g) maxDev = Math.Max(maxDev, Math.Abs(v - gm));
        if (gs < options.TrendDegenerateStd)
        {
            return new ExpertFinding(ExpertKind.Trend, [],
                $"For trend analysis, I focused on the rate of change. After smoothing the series with a window of {w}, I computed its gradient, which is essentially constant (mean {PyFormat.Fixed(gm, 4)}, std {PyFormat.Fixed(gs, 4)}). A constant trend shows no shift, so this check identified 0 interval(s).",
                new Dictionary<string, double>
                {
                    ["gradient_mean"] = gm,
                    ["gradient_std"] = gs,
                    ["threshold"] = thr,
                    ["max_gradient_deviation_sigma"] = 0,
                    ["intervals"] = 0,
                });
        }
        var mask = new bool[g.Length];
        for (int i = 0; i < g.Length; i++) mask[i] = Math.Abs(g[i] - gm) > thr;
        var intervals = MaskRuns.ToIntervals(mask);
        string text = $"For trend analysis, I focused on the rate of change. After smoothing the series with a window of {w}, I computed its gradient. The normal gradient fluctuates around a mean of {PyFormat.Fixed(gm, 4)} with a std of {PyFormat.Fixed(gs, 4)}. A significant trend shift should cause a gradient deviation larger than the {PyFormat.Float(options.TrendSigma)}-sigma threshold of {PyFormat.Fixed(thr, 4)}. This check identified {intervals.Count} interval(s) meeting the condition.";
        return new ExpertFinding(ExpertKind.Trend, intervals, text, new Dictionary<string, double>
        {
            ["gradient_mean"] = gm,
            ["gradient_std"] = gs,
            ["threshold"] = thr,
            ["max_gradient_deviation_sigma"] = maxDev / gs,
            ["intervals"] = intervals.Count,
        });
    }
}
