using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// The frequency detector of method spec b.3 step 3: dominant period of every sliding window of 100 points
/// (L − w windows), infinite periods excluded; windows whose period lies more than k = 3 stds from the mean mark
/// their 100 points. Metrics: <c>valid_periods</c>, and when there are enough of them <c>period_mean</c>,
/// <c>period_std</c>, <c>lower</c>, <c>upper</c>, <c>max_period_deviation_sigma</c> (0 when the std is 0),
/// <c>anomalous_windows</c>, <c>intervals</c>.
/// </summary>
public static class FrequencyExpert
{
    /// <summary>Runs the detector; not applicable below <see cref="ExpCotOptions.FrequencyMinimumLength"/> values
    /// or with fewer than <see cref="ExpCotOptions.FrequencyMinimumValidPeriods"/> valid periods.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A value that is not finite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ExpertFinding Run(ReadOnlySpan<double> values, ExpCotOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        InputGuard.RequireFinite(values, nameof(values));
        int w = options.FrequencyWindow;
        if (values.Length < options.FrequencyMinimumLength)
        {
            return new ExpertFinding(ExpertKind.Frequency, [],
                $"To find frequency anomalies, a sliding window of size {w} is needed, but the series (length {values.Length}) is shorter than the {options.FrequencyMinimumLength} points this analysis requires, so no frequency shift was identified.",
                new Dictionary<string, double> { ["valid_periods"] = 0, ["intervals"] = 0 }, applicable: false);
        }
        var periods = DominantPeriod.Sliding(values, w, options.FrequencyIncludeLastWindow, cancellationToken);
        var valid = periods.Where(double.IsFinite).ToArray();
        if (valid.Length < options.FrequencyMinimumValidPeriods)
        {
            return new ExpertFinding(ExpertKind.Frequency, [],
                $"Could not determine a dominant period: only {valid.Length} of {periods.Length} sliding windows of size {w} have a valid period, fewer than the {options.FrequencyMinimumValidPeriods} needed, so no frequency shift was identified.",
                new Dictionary<string, double> { ["valid_periods"] = valid.Length, ["intervals"] = 0 }, applicable: false);
        }
        double pm = SeriesStatistics.MeanUnchecked(valid), ps = SeriesStatistics.StdUnchecked(valid, pm);
        double k = options.FrequencySigma, lo = pm - k * ps, hi = pm + k * ps;
        double maxDev = 0;
        foreach (double p in valid) maxDev = Math.Max(maxDev, Math.Abs(p - pm));
        var metrics = new Dictionary<string, double>
        {
            ["valid_periods"] = valid.Length,
            ["period_mean"] = pm,
            ["period_std"] = ps,
            ["lower"] = lo,
            ["upper"] = hi,
            ["max_period_deviation_sigma"] = ps > 0 ? maxDev / ps : 0,
        };
        if (ps < options.FrequencyStablePeriodStd)
        {
            metrics["anomalous_windows"] = 0;
            metrics["intervals"] = 0;
            return new ExpertFinding(ExpertKind.Frequency, [],
                $"To find frequency anomalies, I calculated the dominant period over a sliding window of size {w}. The period is highly stable around {PyFormat.Fixed(pm, 2)} with a std of {PyFormat.Fixed(ps, 2)}, so there is no significant frequency shift and 0 interval(s) were identified.",
                metrics);
        }
        var mask = new bool[values.Length];
        int anomalous = 0;
        for (int i = 0; i < periods.Length; i++)
        {
            double p = periods[i];
            if (!double.IsFinite(p) || (p <= hi && p >= lo)) continue;
            anomalous++;
            for (int t = i; t < i + w; t++) mask[t] = true;
        }
        var intervals = MaskRuns.ToIntervals(mask);
        metrics["anomalous_windows"] = anomalous;
        metrics["intervals"] = intervals.Count;
        string text = $"To find frequency anomalies, I calculated the dominant period over a sliding window of size {w}. The typical period is around {PyFormat.Fixed(pm, 2)} with a std of {PyFormat.Fixed(ps, 2)}. I'm looking for regions where the period significantly deviates from the normal range of [{PyFormat.Fixed(lo, 2)}, {PyFormat.Fixed(hi, 2)}]. This analysis pointed to {intervals.Count} interval(s) with clear frequency shifts.";
        return new ExpertFinding(ExpertKind.Frequency, intervals, text, metrics);
    }
}
