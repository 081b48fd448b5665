namespace AnomSeer.Plotting.Rendering;

/// <summary>Chooses a panel's y limits from the options and, in <see cref="YAxisMode.Auto"/>, the data.</summary>
internal static class YRange
{
    internal static (double Min, double Max) For(PlotOptions options, ReadOnlySpan<double> values, int channel)
    {
        if (options.YAxisMode == YAxisMode.Fixed) return (options.YMin, options.YMax);

        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        if (lo > hi)
            throw new ArgumentException($"Channel {channel} has no finite value, so YAxisMode.Auto has no range to show.", "values");

        if (hi - lo <= Math.Max(Math.Abs(lo), Math.Abs(hi)) * 1e-12)
        {
            // A constant series: widen like matplotlib's nonsingular() (5 % of the value, or ±0.05 around zero).
            double e = lo == 0 ? 0.05 : 0.05 * Math.Abs(lo);
            lo -= e;
            hi += e;
        }
        double m = options.YMarginFraction * (hi - lo);
        return (lo - m, hi + m);
    }
}
