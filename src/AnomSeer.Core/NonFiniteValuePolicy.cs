namespace AnomSeer;

/// <summary>
/// What <see cref="TimeSeries"/> does with values that are not finite (NaN, ±∞).
/// </summary>
public enum NonFiniteValuePolicy
{
    /// <summary>Default: any NaN or infinite value throws <see cref="ArgumentException"/>.</summary>
    Reject = 0,

    /// <summary>
    /// NaN is kept and means "missing"; consumers must handle it. Infinite values still throw, since
    /// they are never a valid measurement.
    /// </summary>
    AllowMissing = 1,

    /// <summary>
    /// NaN values are replaced by linear interpolation between the nearest finite neighbours (the
    /// nearest finite value at either end). Infinite values still throw; a series with no finite
    /// value throws.
    /// </summary>
    Interpolate = 2,
}
