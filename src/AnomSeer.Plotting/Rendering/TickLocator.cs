namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Chooses "nice" tick values the way matplotlib's default locator does: at most <c>nbins</c> intervals, a step of 1, 2,
/// 2.5, 5 or 10 times a power of ten, the smallest such step that still gives at least two ticks inside the view.
/// </summary>
internal static class TickLocator
{
    private static readonly double[] NiceSteps = [1, 2, 2.5, 5, 10];

    /// <summary>matplotlib caps the automatic bin count at 9.</summary>
    internal const int MaxBins = 9;

    /// <summary>
    /// The bin count for an axis of <paramref name="axisLengthPoints"/>: the length divided by a label spacing of
    /// <paramref name="spacingFactor"/> font sizes (3 for the x-axis, 2 for the y-axis), clamped to [1, 9].
    /// </summary>
    internal static int BinsFor(double axisLengthPoints, double fontSizePoints, double spacingFactor)
    {
        double space = Math.Floor(axisLengthPoints / (fontSizePoints * spacingFactor));
        return (int)Math.Clamp(space, 1, MaxBins);
    }

    /// <summary>
    /// Tick values inside [<paramref name="vmin"/>, <paramref name="vmax"/>], ascending: the smallest nice step at least
    /// <c>span / nbins</c>; if that leaves fewer than two ticks in view, the next smaller nice steps are tried (matplotlib
    /// treats the bin count as an upper limit and moves to smaller steps when needed).
    /// </summary>
    internal static double[] Ticks(double vmin, double vmax, int nbins)
    {
        if (vmax < vmin) (vmin, vmax) = (vmax, vmin);
        double span = vmax - vmin;
        if (!(span > 0)) return [vmin];
        double raw = span / nbins;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double tol = span * 1e-10;

        // Nice steps over three decades around the scale, ascending: 0.1·scale … 10·scale.
        var steps = new double[3 * NiceSteps.Length];
        for (int d = 0; d < 3; d++)
            for (int k = 0; k < NiceSteps.Length; k++)
                steps[d * NiceSteps.Length + k] = NiceSteps[k] * scale * Math.Pow(10, d - 1);
        int start = Array.FindIndex(steps, st => st >= raw * (1 - 1e-12));
        if (start < 0) start = steps.Length - 1;

        for (int i = start; i >= 0; i--)
        {
            double step = steps[i];
            long first = (long)Math.Ceiling((vmin - tol) / step);
            long last = (long)Math.Floor((vmax + tol) / step);
            if (last - first + 1 >= 2)
                return Build(first, last, step);
        }
        return [vmin, vmax];
    }

    private static double[] Build(long first, long last, double step)
    {
        var t = new double[last - first + 1];
        for (long k = first; k <= last; k++)
        {
            double v = k * step;
            t[k - first] = v == 0 ? 0 : v; // no negative zero
        }
        return t;
    }
}
