using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// <c>K = max(exp(C / negEps), tiny)</c> for float64 in one 512-bit pass (the library's <c>Exp</c> costs ≈ 8 cycles per
/// double here and dominated building K). Arguments are at most 0 (costs are non-negative), clamped below at −708
/// (where the result is already below any floor used), reduced as <c>x = n ln2 + r</c> with <c>|r| ≤ ln2 / 2</c>, and
/// <c>e^r</c> by its Taylor polynomial of degree 13 (truncation below 1e-17, a few ulp in all).
/// </summary>
internal static class KernelExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471803691238;
    private const double Ln2Lo = 1.9082149292705877e-10;

    /// <summary>Whether <see cref="Apply"/> runs vectorised on this machine.</summary>
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    /// <summary>
    /// <c>destination_j = max(exp(cost_j / negEps), tiny)</c>; same length. Returns whether every cost is finite and
    /// non-negative (checked in the same pass; the values written for invalid costs are meaningless).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Apply(ReadOnlySpan<double> cost, double negEps, double tiny, Span<double> destination)
    {
        int len = cost.Length, j = 0;
        ref double c = ref MemoryMarshal.GetReference(cost);
        ref double d = ref MemoryMarshal.GetReference(destination);
        var divisor = Vector512.Create(negEps);
        var floor = Vector512.Create(tiny);
        var max = Vector512.Create(double.MaxValue);
        var valid = Vector512<double>.AllBitsSet;
        for (; j <= len - Vector512<double>.Count; j += Vector512<double>.Count)
        {
            var x = Vector512.LoadUnsafe(ref c, (nuint)j);
            valid &= Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero) & Vector512.LessThanOrEqual(x, max);   // NaN fails both
            Exp(x / divisor, floor).StoreUnsafe(ref d, (nuint)j);
        }
        bool ok = valid.ExtractMostSignificantBits() == 0xFF;   // every lane kept all bits set
        for (; j < len; j++)
        {
            double x = Unsafe.Add(ref c, j);
            ok &= x >= 0 && x <= double.MaxValue;
            Unsafe.Add(ref d, j) = Math.Max(Math.Exp(Math.Clamp(x / negEps, -708.0, 709.0)), tiny);
        }
        return ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Exp(Vector512<double> x, Vector512<double> floor)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-708.0)), Vector512.Create(709.0));
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Hi), x);
        r = Vector512.FusedMultiplyAdd(n, Vector512.Create(-Ln2Lo), r);
        var p = Vector512.Create(1.0 / 6227020800.0);                    // 1/13!
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 479001600.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 39916800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 3628800.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 362880.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 40320.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 5040.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 720.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 120.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 24.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0 / 6.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(0.5));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));
        p = Vector512.FusedMultiplyAdd(p, r, Vector512.Create(1.0));
        var scale = ((Vector512.ConvertToInt64(n) + Vector512.Create(1023L)) << 52).AsDouble();
        return Vector512.Max(p * scale, floor);
    }
}
