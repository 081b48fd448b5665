using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>
/// Tensor operations with a number argument, each through an explicitly created and disposed <see cref="Scalar"/>.
/// </summary>
/// <remarks>
/// An implicitly converted <see cref="Scalar"/> (<c>t / 2.0</c>, <c>t.masked_fill(m, -1e9f)</c>, <c>arange(a, b)</c>) is
/// unreachable as soon as its handle is passed to native code, so the GC may finalise it while LibTorch still reads it
/// (<c>INTERNAL ASSERT FAILED at c10/core/Scalar.h</c>, "Unknown scalar type"; it killed long SFT and TimerPO runs). A
/// <c>using</c> local keeps it alive until the call has returned. The results are those of the implicit forms.
/// </remarks>
internal static class ExplicitScalars
{
    /// <summary><c>t / value</c>.</summary>
    public static Tensor DivideBy(this Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.div(s);
    }

    /// <summary><c>t * value</c>.</summary>
    public static Tensor Times(this Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.mul(s);
    }

    /// <summary><c>t - value</c> (an integer, so integer tensors stay integer).</summary>
    public static Tensor Minus(this Tensor t, long value)
    {
        using var s = value.ToScalar();
        return t.sub(s);
    }

    /// <summary><c>t - value</c> for floating-point tensors.</summary>
    public static Tensor Minus(this Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.sub(s);
    }

    /// <summary><c>t + value</c>.</summary>
    public static Tensor Plus(this Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.add(s);
    }

    /// <summary><c>t.clamp(low, high)</c> for floating-point tensors.</summary>
    public static Tensor Between(this Tensor t, double low, double high)
    {
        using var lo = low.ToScalar();
        using var hi = high.ToScalar();
        return t.clamp(lo, hi);
    }

    /// <summary><c>t.clamp_min(value)</c> for integer tensors.</summary>
    public static Tensor AtLeast(this Tensor t, long value)
    {
        using var s = value.ToScalar();
        return t.clamp_min(s);
    }

    /// <summary><c>t.clamp_min(value)</c> for floating-point tensors.</summary>
    public static Tensor AtLeast(this Tensor t, double value)
    {
        using var s = value.ToScalar();
        return t.clamp_min(s);
    }

    /// <summary><c>t.clamp(low, high)</c> for integer tensors.</summary>
    public static Tensor Between(this Tensor t, long low, long high)
    {
        using var lo = low.ToScalar();
        using var hi = high.ToScalar();
        return t.clamp(lo, hi);
    }

    /// <summary><c>t &gt;= value</c>.</summary>
    public static Tensor GreaterOrEqual(this Tensor t, long value)
    {
        using var s = value.ToScalar();
        return t.ge(s);
    }

    /// <summary><c>t.masked_fill(mask, value)</c>.</summary>
    public static Tensor FillWhere(this Tensor t, Tensor mask, float value)
    {
        using var s = value.ToScalar();
        return t.masked_fill(mask, s);
    }

    /// <summary><c>full(shape, value)</c> (float32).</summary>
    public static Tensor Full(long[] shape, float value)
    {
        using var s = value.ToScalar();
        return full(shape, s, dtype: float32);
    }

    /// <summary><c>arange(start, stop)</c> as int64.</summary>
    public static Tensor Range(long start, long stop)
    {
        using var a = start.ToScalar();
        using var b = stop.ToScalar();
        return arange(a, b, dtype: int64);
    }

    /// <summary>RoPE position ids of a left-padded validity mask <c>[B, T]</c>: the count of real tokens before each
    /// column, 0 at padding (<c>(cumsum(valid) − 1).clamp_min(0)</c>).</summary>
    public static Tensor PositionsOf(Tensor valid)
    {
        using var scope = NewDisposeScope();
        return valid.to(int64).cumsum(1).Minus(1).AtLeast(0L).MoveToOuterDisposeScope();
    }
}
