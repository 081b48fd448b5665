namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// Local slope of a series after its periodic component is removed: a centred moving average over one period
/// (which cancels a sinusoid of that integer period exactly), then the least-squares slope of that average over a
/// sliding window. Not part of the paper; the expert detector uses it to see slope changes that the spec's
/// gradient k-sigma rule misses under a large seasonal component.
/// </summary>
public static class LocalSlope
{
    /// <summary>
    /// Local slopes: entry <c>t</c> is the least-squares slope, over <paramref name="window"/> points, of the
    /// <paramref name="period"/>-point moving average; it is centred on series index
    /// <c>t + (period - 1) / 2 + (window - 1) / 2</c>. Length <c>L - period - window + 2</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> &lt; 1 or <paramref name="window"/> &lt; 2.</exception>
    /// <exception cref="ArgumentException">The series is shorter than <c>period + window - 1</c>, or a value is not finite.</exception>
    public static double[] Compute(ReadOnlySpan<double> values, int period, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        InputGuard.RequireLength(values, period + window - 1, nameof(values), $"Local slopes with period {period} and window {window}");
        InputGuard.RequireFinite(values, nameof(values));
        int n = values.Length, na = n - period + 1;
        var avg = new double[na];
        double s = 0;
        for (int t = 0; t < period; t++) s += values[t];
        avg[0] = s / period;
        for (int t = 1; t < na; t++)
        {
            s += values[t + period - 1] - values[t - 1];
            avg[t] = s / period;
        }
        // slope over u = 0..W-1 of y: Σ(u - ū)(y_u) / Σ(u - ū)²
        int ns = na - window + 1;
        var slopes = new double[ns];
        double ubar = (window - 1) / 2.0, denom = 0;
        for (int u = 0; u < window; u++) denom += (u - ubar) * (u - ubar);
        for (int t = 0; t < ns; t++)
        {
            double num = 0;
            for (int u = 0; u < window; u++) num += (u - ubar) * avg[t + u];
            slopes[t] = num / denom;
        }
        return slopes;
    }
}
