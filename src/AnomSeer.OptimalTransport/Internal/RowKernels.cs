using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// Four-row kernels of the scaling form: four dot products against one vector (the vector is loaded once
/// for four rows) and a four-row multiply-add into one accumulator (loaded and stored once for four rows).
/// They halve the loads and stores of the row-by-row <c>TensorPrimitives</c> calls, and use fused multiply-adds.
/// </summary>
internal static class RowKernels
{
    /// <summary>Dot products of rows r0..r0+3 (length m, row-major) of <paramref name="k"/> with <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4<T>(ReadOnlySpan<T> k, int r0, int m, ReadOnlySpan<T> v, out T d0, out T d1, out T d2, out T d3)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T k0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(k), r0 * m);
        ref T k1 = ref Unsafe.Add(ref k0, m);
        ref T k2 = ref Unsafe.Add(ref k1, m);
        ref T k3 = ref Unsafe.Add(ref k2, m);
        ref T vr = ref MemoryMarshal.GetReference(v);
        int j = 0;
        d0 = d1 = d2 = d3 = T.Zero;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && m >= Vector512<T>.Count)
        {
            // Two accumulators per row (even and odd vectors): eight independent FMA chains hide the FMA latency.
            Vector512<T> a0 = Vector512<T>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            int w = Vector512<T>.Count;
            for (; j <= m - 2 * w; j += 2 * w)
            {
                var x = Vector512.LoadUnsafe(ref vr, (nuint)j);
                var y = Vector512.LoadUnsafe(ref vr, (nuint)(j + w));
                a0 = Fma(Vector512.LoadUnsafe(ref k0, (nuint)j), x, a0);
                a1 = Fma(Vector512.LoadUnsafe(ref k1, (nuint)j), x, a1);
                a2 = Fma(Vector512.LoadUnsafe(ref k2, (nuint)j), x, a2);
                a3 = Fma(Vector512.LoadUnsafe(ref k3, (nuint)j), x, a3);
                b0 = Fma(Vector512.LoadUnsafe(ref k0, (nuint)(j + w)), y, b0);
                b1 = Fma(Vector512.LoadUnsafe(ref k1, (nuint)(j + w)), y, b1);
                b2 = Fma(Vector512.LoadUnsafe(ref k2, (nuint)(j + w)), y, b2);
                b3 = Fma(Vector512.LoadUnsafe(ref k3, (nuint)(j + w)), y, b3);
            }
            if (j <= m - w)
            {
                var x = Vector512.LoadUnsafe(ref vr, (nuint)j);
                a0 = Fma(Vector512.LoadUnsafe(ref k0, (nuint)j), x, a0);
                a1 = Fma(Vector512.LoadUnsafe(ref k1, (nuint)j), x, a1);
                a2 = Fma(Vector512.LoadUnsafe(ref k2, (nuint)j), x, a2);
                a3 = Fma(Vector512.LoadUnsafe(ref k3, (nuint)j), x, a3);
                j += w;
            }
            d0 = Vector512.Sum(a0 + b0); d1 = Vector512.Sum(a1 + b1); d2 = Vector512.Sum(a2 + b2); d3 = Vector512.Sum(a3 + b3);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && m >= Vector256<T>.Count)
        {
            Vector256<T> a0 = Vector256<T>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; j <= m - Vector256<T>.Count; j += Vector256<T>.Count)
            {
                var x = Vector256.LoadUnsafe(ref vr, (nuint)j);
                a0 = Fma(Vector256.LoadUnsafe(ref k0, (nuint)j), x, a0);
                a1 = Fma(Vector256.LoadUnsafe(ref k1, (nuint)j), x, a1);
                a2 = Fma(Vector256.LoadUnsafe(ref k2, (nuint)j), x, a2);
                a3 = Fma(Vector256.LoadUnsafe(ref k3, (nuint)j), x, a3);
            }
            d0 = Vector256.Sum(a0); d1 = Vector256.Sum(a1); d2 = Vector256.Sum(a2); d3 = Vector256.Sum(a3);
        }
        for (; j < m; j++)
        {
            T x = Unsafe.Add(ref vr, j);
            d0 += Unsafe.Add(ref k0, j) * x;
            d1 += Unsafe.Add(ref k1, j) * x;
            d2 += Unsafe.Add(ref k2, j) * x;
            d3 += Unsafe.Add(ref k3, j) * x;
        }
    }

    /// <summary><c>acc += u0 K_r0 + u1 K_r0+1 + u2 K_r0+2 + u3 K_r0+3</c>, added in row order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy4<T>(ReadOnlySpan<T> k, int r0, int m, T u0, T u1, T u2, T u3, Span<T> acc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T k0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(k), r0 * m);
        ref T k1 = ref Unsafe.Add(ref k0, m);
        ref T k2 = ref Unsafe.Add(ref k1, m);
        ref T k3 = ref Unsafe.Add(ref k2, m);
        ref T ar = ref MemoryMarshal.GetReference(acc);
        int j = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            var s0 = Vector512.Create(u0); var s1 = Vector512.Create(u1); var s2 = Vector512.Create(u2); var s3 = Vector512.Create(u3);
            for (; j <= m - Vector512<T>.Count; j += Vector512<T>.Count)
            {
                var a = Vector512.LoadUnsafe(ref ar, (nuint)j);
                a = Fma(Vector512.LoadUnsafe(ref k0, (nuint)j), s0, a);
                a = Fma(Vector512.LoadUnsafe(ref k1, (nuint)j), s1, a);
                a = Fma(Vector512.LoadUnsafe(ref k2, (nuint)j), s2, a);
                a = Fma(Vector512.LoadUnsafe(ref k3, (nuint)j), s3, a);
                a.StoreUnsafe(ref ar, (nuint)j);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var s0 = Vector256.Create(u0); var s1 = Vector256.Create(u1); var s2 = Vector256.Create(u2); var s3 = Vector256.Create(u3);
            for (; j <= m - Vector256<T>.Count; j += Vector256<T>.Count)
            {
                var a = Vector256.LoadUnsafe(ref ar, (nuint)j);
                a = Fma(Vector256.LoadUnsafe(ref k0, (nuint)j), s0, a);
                a = Fma(Vector256.LoadUnsafe(ref k1, (nuint)j), s1, a);
                a = Fma(Vector256.LoadUnsafe(ref k2, (nuint)j), s2, a);
                a = Fma(Vector256.LoadUnsafe(ref k3, (nuint)j), s3, a);
                a.StoreUnsafe(ref ar, (nuint)j);
            }
        }
        for (; j < m; j++)
        {
            T a = Unsafe.Add(ref ar, j);
            a += Unsafe.Add(ref k0, j) * u0;
            a += Unsafe.Add(ref k1, j) * u1;
            a += Unsafe.Add(ref k2, j) * u2;
            a += Unsafe.Add(ref k3, j) * u3;
            Unsafe.Add(ref ar, j) = a;
        }
    }

    /// <summary><c>a * b + c</c>, fused for float and double (one instruction, one rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return a * b + c;
    }

    /// <summary><c>a * b + c</c>, fused for float and double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        return a * b + c;
    }
}
