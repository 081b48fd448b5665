using ILGPU;
using ILGPU.Algorithms;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// A running log-sum-exp <c>log Σ exp(x)</c> kept as (max, Σ exp(x − max)), so that one pass over the
/// values suffices and nothing overflows. Two partial states combine exactly (up to rounding).
/// </summary>
internal struct OnlineLogSumExp
{
    /// <summary>The largest value seen (−∞ when empty).</summary>
    public float Max;

    /// <summary><c>Σ exp(x − Max)</c> over the values seen (0 when empty).</summary>
    public float Sum;

    /// <summary>The empty state.</summary>
    public static OnlineLogSumExp Empty()
    {
        OnlineLogSumExp s;
        s.Max = float.NegativeInfinity;
        s.Sum = 0f;
        return s;
    }

    /// <summary>Adds one finite value.</summary>
    public static OnlineLogSumExp Add(OnlineLogSumExp s, float x)
    {
        if (x > s.Max)
        {
            s.Sum = s.Sum * XMath.Exp(s.Max - x) + 1f;
            s.Max = x;
        }
        else
        {
            s.Sum += XMath.Exp(x - s.Max);
        }
        return s;
    }

    /// <summary>Merges two partial states.</summary>
    public static OnlineLogSumExp Combine(OnlineLogSumExp a, OnlineLogSumExp b)
    {
        float max = XMath.Max(a.Max, b.Max);
        if (max == float.NegativeInfinity) return a;
        OnlineLogSumExp s;
        s.Max = max;
        s.Sum = a.Sum * XMath.Exp(a.Max - max) + b.Sum * XMath.Exp(b.Max - max);
        return s;
    }

    /// <summary>Butterfly all-reduce across the lanes of a warp: every lane gets the warp's total.</summary>
    public static OnlineLogSumExp WarpAllReduce(OnlineLogSumExp s)
    {
        for (int laneMask = Warp.WarpSize / 2; laneMask > 0; laneMask >>= 1)
        {
            OnlineLogSumExp other;
            other.Max = Warp.ShuffleXor(s.Max, laneMask);
            other.Sum = Warp.ShuffleXor(s.Sum, laneMask);
            s = Combine(s, other);
        }
        return s;
    }

    /// <summary><c>log Σ exp(x)</c>.</summary>
    public static float Value(OnlineLogSumExp s) => s.Max + XMath.Log(s.Sum);
}
