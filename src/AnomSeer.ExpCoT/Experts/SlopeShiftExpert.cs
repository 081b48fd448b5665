using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// A trend detector that is not in the paper, used by the expert detector: removes the seasonal period with a
/// moving average, computes local slopes (<see cref="LocalSlope"/>) and flags the centres of windows whose slope
/// departs from the median slope by more than k robust standard deviations (1.4826·MAD, floored at a fraction of
/// the median slope and at 0.2·relativeFloor·std/window). Metrics: <c>period</c>, <c>median_slope</c>, <c>slope_scale</c>, <c>max_slope_deviation_sigma</c>,
/// <c>intervals</c>.
/// </summary>
public static class SlopeShiftExpert
{
    /// <summary>Runs the detector.</summary>
    /// <param name="values">The series; all values finite.</param>
    /// <param name="period">The seasonal period to remove (1 for none).</param>
    /// <param name="window">Slope window.</param>
    /// <param name="sigma">k of the robust k-sigma rule.</param>
    /// <param name="relativeFloor">The robust scale is at least this fraction of |median slope|.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1, <paramref name="window"/> &lt; 2, or a negative
    /// <paramref name="sigma"/> / <paramref name="relativeFloor"/>.</exception>
    /// <exception cref="ArgumentException">A value that is not finite.</exception>
    public static ExpertFinding Run(ReadOnlySpan<double> values, int period, int window, double sigma, double relativeFloor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(relativeFloor);
        InputGuard.RequireFinite(values, nameof(values));
        if (values.Length < period + window + 1)
        {
            return new ExpertFinding(ExpertKind.Trend, [],
                $"The series (length {values.Length}) is too short for a local-slope check with period {period} and window {window}.",
                new Dictionary<string, double> { ["intervals"] = 0 }, applicable: false);
        }
        var slopes = LocalSlope.Compute(values, period, window);
        double med = Median(slopes);
        var dev = new double[slopes.Length];
        for (int i = 0; i < dev.Length; i++) dev[i] = Math.Abs(slopes[i] - med);
        double mad = Median(dev);
        double sd = SeriesStatistics.StdUnchecked(values, SeriesStatistics.MeanUnchecked(values));
        // Floors: a fraction of the median slope, and a fraction of the slope std/window of a ramp spanning one std per window.
        double scale = Math.Max(Math.Max(1.4826 * mad, relativeFloor * Math.Abs(med)), Math.Max(relativeFloor * 0.2 * sd / window, 1e-12));
        var mask = new bool[values.Length];
        int offset = (period - 1) / 2 + (window - 1) / 2;
        double maxZ = 0;
        for (int i = 0; i < slopes.Length; i++)
        {
            double z = dev[i] / scale;
            maxZ = Math.Max(maxZ, z);
            if (z > sigma) mask[i + offset] = true;
        }
        var intervals = MaskRuns.ToIntervals(mask);
        string text = $"To check for slope changes hidden under the seasonal pattern, I removed the period of {period} with a moving average and measured the local slope over windows of {window}. The typical slope is {PyFormat.Fixed(med, 4)} with a robust spread of {PyFormat.Fixed(scale, 4)}; the largest deviation is {PyFormat.Fixed(maxZ, 2)} robust stds, and {intervals.Count} interval(s) exceed {PyFormat.Float(sigma)}.";
        return new ExpertFinding(ExpertKind.Trend, intervals, text, new Dictionary<string, double>
        {
            ["period"] = period,
            ["median_slope"] = med,
            ["slope_scale"] = scale,
            ["max_slope_deviation_sigma"] = maxZ,
            ["intervals"] = intervals.Count,
        });
    }

    private static double Median(double[] v)
    {
        var c = (double[])v.Clone();
        Array.Sort(c);
        int n = c.Length;
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
