namespace AnomSeer.Metrics.Affiliation;

/// <summary>
/// Exact integrals over <c>[u, v]</c> (with <c>u &lt;= v</c>) of the clipped linear functions that the
/// affiliation integrands are made of. Products are kept in factored form <c>(v − u)·(…)</c> so that
/// large coordinates do not cancel catastrophically.
/// </summary>
internal static class LinearIntegrals
{
    /// <summary><c>∫_u^v (x − c) dx</c>.</summary>
    public static double OfRise(double c, double u, double v) => (v - u) * (u + v - 2.0 * c) / 2.0;

    /// <summary><c>∫_u^v (c − x) dx</c>.</summary>
    public static double OfFall(double c, double u, double v) => (v - u) * (2.0 * c - u - v) / 2.0;

    /// <summary><c>∫_u^v max(0, x − c) dx</c>.</summary>
    public static double OfPositiveRise(double c, double u, double v)
    {
        double w = Math.Max(u, c);
        return w >= v ? 0.0 : OfRise(c, w, v);
    }

    /// <summary><c>∫_u^v max(0, c − x) dx</c>.</summary>
    public static double OfPositiveFall(double c, double u, double v)
    {
        double w = Math.Min(v, c);
        return w <= u ? 0.0 : OfFall(c, u, w);
    }

    /// <summary><c>∫_u^v max(floor, 2x − p) dx</c>.</summary>
    public static double OfMaxWithDoubleRise(double floor, double p, double u, double v)
    {
        // 2x − p crosses floor at x = (floor + p) / 2.
        double w = Math.Clamp((floor + p) / 2.0, u, v);
        return floor * (w - u) + (v - w) * (v + w - p);
    }

    /// <summary><c>∫_u^v min(ceiling, 2x − q) dx</c>.</summary>
    public static double OfMinWithDoubleRise(double ceiling, double q, double u, double v)
    {
        // 2x − q crosses ceiling at x = (ceiling + q) / 2.
        double w = Math.Clamp((ceiling + q) / 2.0, u, v);
        return (w - u) * (u + w - q) + ceiling * (v - w);
    }
}
