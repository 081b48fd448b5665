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

    /// <summary>Tick values inside [<paramref name="vmin"/>, <paramref name="vmax"/>], ascending.</summary>
    internal static double[] Ticks(double vmin, double vmax, int nbins)
    {
        if (vmax < vmin) (vmin, vmax) = (vmax, vmin);
        double span = vmax - vmin;
        if (!(span > 0)) return [vmin];
        double raw = span / nbins;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double tol = span * 1e-10;

        for (int decade = 0; decade < 3; decade++)
        {
            foreach (double nice in NiceSteps)
            {
                double step = nice * scale * Math.Pow(10, decade);
                if (step < raw * (1 - 1e-12)) continue;
                long first = (long)Math.Ceiling((vmin - tol) / step);
                long last = (long)Math.Floor((vmax + tol) / step);
                if (last - first + 1 >= 2)
                    return Build(first, last, step);
            }
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
