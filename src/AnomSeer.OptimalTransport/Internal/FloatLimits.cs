using System.Numerics;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>The guard constants of the scaling form for each precision.</summary>
/// <remarks>
/// float64 uses exactly the spec's values (b.5 step 5): kernel floor and denominator guard 1e-300, +∞
/// replaced by 1e300. float32 cannot hold those, so it uses the nearest safe normal values 1e-37 and 1e37.
/// </remarks>
internal static class FloatLimits<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Kernel floor and denominator guard (1e-300 in float64).</summary>
    public static readonly T Tiny = typeof(T) == typeof(double) ? T.CreateTruncating(1e-300) : T.CreateTruncating(1e-37);

    /// <summary>Replacement for +∞ in the scalings (1e300 in float64).</summary>
    public static readonly T Huge = typeof(T) == typeof(double) ? T.CreateTruncating(1e300) : T.CreateTruncating(1e37);

    /// <summary>Mass floor 1e-12 (spec b.5 step 5: <c>clamp(r, 1e-12)</c>).</summary>
    public static readonly T MassFloor = T.CreateTruncating(1e-12);
}
