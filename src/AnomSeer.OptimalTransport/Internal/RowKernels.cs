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

    /// <summary>Whether <see cref="Dot8"/> and <see cref="Axpy8"/> run (512-bit vectors of T, rows at least one vector long).</summary>
    public static bool HasEightRowKernels<T>(int m) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && m >= Vector512<T>.Count;

    /// <summary>
    /// Dot products of rows r0..r0+7 with <paramref name="v"/> into <paramref name="dots"/>: each row summed exactly as
    /// <see cref="Dot4"/> sums it (even and odd vectors apart, then the scalar tail), with v loaded once for eight rows.
    /// Only when <see cref="HasEightRowKernels{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot8<T>(ReadOnlySpan<T> k, int r0, int m, ReadOnlySpan<T> v, Span<T> dots)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T k0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(k), r0 * m);
        ref T vr = ref MemoryMarshal.GetReference(v);
        nuint s = (nuint)m;
        int w = Vector512<T>.Count, j = 0;
        Vector512<T> a0 = Vector512<T>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        Vector512<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0, b4 = a0, b5 = a0, b6 = a0, b7 = a0;
        for (; j <= m - 2 * w; j += 2 * w)
        {
            nuint o = (nuint)j, p = (nuint)(j + w);
            var x = Vector512.LoadUnsafe(ref vr, o);
            var y = Vector512.LoadUnsafe(ref vr, p);
            a0 = Fma(Vector512.LoadUnsafe(ref k0, o), x, a0);
            a1 = Fma(Vector512.LoadUnsafe(ref k0, s + o), x, a1);
            a2 = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + o), x, a2);
            a3 = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + o), x, a3);
            a4 = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + o), x, a4);
            a5 = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + o), x, a5);
            a6 = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + o), x, a6);
            a7 = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + o), x, a7);
            b0 = Fma(Vector512.LoadUnsafe(ref k0, p), y, b0);
            b1 = Fma(Vector512.LoadUnsafe(ref k0, s + p), y, b1);
            b2 = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + p), y, b2);
            b3 = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + p), y, b3);
            b4 = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + p), y, b4);
            b5 = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + p), y, b5);
            b6 = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + p), y, b6);
            b7 = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + p), y, b7);
        }
        if (j <= m - w)
        {
            nuint o = (nuint)j;
            var x = Vector512.LoadUnsafe(ref vr, o);
            a0 = Fma(Vector512.LoadUnsafe(ref k0, o), x, a0);
            a1 = Fma(Vector512.LoadUnsafe(ref k0, s + o), x, a1);
            a2 = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + o), x, a2);
            a3 = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + o), x, a3);
            a4 = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + o), x, a4);
            a5 = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + o), x, a5);
            a6 = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + o), x, a6);
            a7 = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + o), x, a7);
            j += w;
        }
        dots[0] = Vector512.Sum(a0 + b0); dots[1] = Vector512.Sum(a1 + b1); dots[2] = Vector512.Sum(a2 + b2); dots[3] = Vector512.Sum(a3 + b3);
        dots[4] = Vector512.Sum(a4 + b4); dots[5] = Vector512.Sum(a5 + b5); dots[6] = Vector512.Sum(a6 + b6); dots[7] = Vector512.Sum(a7 + b7);
        for (; j < m; j++)
        {
            T x = Unsafe.Add(ref vr, j);
            for (int r = 0; r < 8; r++)
                dots[r] += Unsafe.Add(ref k0, r * m + j) * x;
        }
    }

    /// <summary>
    /// <c>acc += u_0 K_r0 + … + u_7 K_r0+7</c>, added in row order with one rounding per row, exactly as two
    /// <see cref="Axpy4"/> calls would (acc loaded and stored once for eight rows). Only when <see cref="HasEightRowKernels{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy8<T>(ReadOnlySpan<T> k, int r0, int m, ReadOnlySpan<T> u, Span<T> acc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T k0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(k), r0 * m);
        ref T ar = ref MemoryMarshal.GetReference(acc);
        nuint s = (nuint)m;
        int w = Vector512<T>.Count, j = 0;
        var s0 = Vector512.Create(u[0]); var s1 = Vector512.Create(u[1]); var s2 = Vector512.Create(u[2]); var s3 = Vector512.Create(u[3]);
        var s4 = Vector512.Create(u[4]); var s5 = Vector512.Create(u[5]); var s6 = Vector512.Create(u[6]); var s7 = Vector512.Create(u[7]);
        for (; j <= m - 2 * w; j += 2 * w)
        {
            // Two independent chains (columns j.. and j+w..) so the eight dependent FMAs of each overlap.
            nuint o = (nuint)j, p = (nuint)(j + w);
            var a = Vector512.LoadUnsafe(ref ar, o);
            var c = Vector512.LoadUnsafe(ref ar, p);
            a = Fma(Vector512.LoadUnsafe(ref k0, o), s0, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, p), s0, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, s + o), s1, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, s + p), s1, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + o), s2, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + p), s2, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + o), s3, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + p), s3, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + o), s4, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + p), s4, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + o), s5, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + p), s5, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + o), s6, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + p), s6, c);
            a = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + o), s7, a);
            c = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + p), s7, c);
            a.StoreUnsafe(ref ar, o);
            c.StoreUnsafe(ref ar, p);
        }
        if (j <= m - w)
        {
            nuint o = (nuint)j;
            var a = Vector512.LoadUnsafe(ref ar, o);
            a = Fma(Vector512.LoadUnsafe(ref k0, o), s0, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, s + o), s1, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 2 * s + o), s2, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 3 * s + o), s3, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 4 * s + o), s4, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 5 * s + o), s5, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 6 * s + o), s6, a);
            a = Fma(Vector512.LoadUnsafe(ref k0, 7 * s + o), s7, a);
            a.StoreUnsafe(ref ar, o);
            j += w;
        }
        for (; j < m; j++)
        {
            // As Axpy4's tail: rows 0–3 added and stored, then rows 4–7.
            T a = Unsafe.Add(ref ar, j);
            a += Unsafe.Add(ref k0, j) * u[0];
            a += Unsafe.Add(ref k0, m + j) * u[1];
            a += Unsafe.Add(ref k0, 2 * m + j) * u[2];
            a += Unsafe.Add(ref k0, 3 * m + j) * u[3];
            a += Unsafe.Add(ref k0, 4 * m + j) * u[4];
            a += Unsafe.Add(ref k0, 5 * m + j) * u[5];
            a += Unsafe.Add(ref k0, 6 * m + j) * u[6];
            a += Unsafe.Add(ref k0, 7 * m + j) * u[7];
            Unsafe.Add(ref ar, j) = a;
        }
    }

    /// <summary>
    /// <c>u_r = guard(a_r / (dots_r + tiny))</c> for 8 rows (NaN → 0, +∞ → huge, as <see cref="ScalingSinkhorn.Guard{T}"/>),
    /// in one vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GuardedQuotient8<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> dots, T tiny, Span<T> u)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double) && Vector512.IsHardwareAccelerated)
        {
            var q = Vector512.Create(MemoryMarshal.Cast<T, double>(a)) / (Vector512.Create(MemoryMarshal.Cast<T, double>(dots)) + Vector512.Create(double.CreateTruncating(tiny)));
            Guard(q, double.CreateTruncating(FloatLimits<T>.Huge)).CopyTo(MemoryMarshal.Cast<T, double>(u));
            return;
        }
        if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
        {
            var q = Vector256.Create(MemoryMarshal.Cast<T, float>(a)) / (Vector256.Create(MemoryMarshal.Cast<T, float>(dots)) + Vector256.Create(float.CreateTruncating(tiny)));
            var huge = Vector256.Create(float.CreateTruncating(FloatLimits<T>.Huge));
            q = Vector256.ConditionalSelect(Vector256.Equals(q, q), q, Vector256<float>.Zero);
            Vector256.ConditionalSelect(Vector256.Equals(q, Vector256.Create(float.PositiveInfinity)), huge, q).CopyTo(MemoryMarshal.Cast<T, float>(u));
            return;
        }
        for (int r = 0; r < 8; r++)
            u[r] = ScalingSinkhorn.Guard(a[r] / (dots[r] + tiny));
    }

    /// <summary>
    /// The v-update from the per-block column partials: <c>v = guard(b / (Σ_β partial_β + tiny))</c>, the partials added
    /// in block order (as repeated elementwise additions would), in one vectorised pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateV<T>(ReadOnlySpan<T> partials, int blocks, ReadOnlySpan<T> b, T tiny, Span<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = v.Length, j = 0;
        ref T p0 = ref MemoryMarshal.GetReference(partials);
        ref T br = ref MemoryMarshal.GetReference(b);
        ref T vr = ref MemoryMarshal.GetReference(v);
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            var t = Vector512.Create(tiny);
            var huge = Vector512.Create(FloatLimits<T>.Huge);
            for (; j <= m - Vector512<T>.Count; j += Vector512<T>.Count)
            {
                var acc = Vector512.LoadUnsafe(ref p0, (nuint)j);
                for (int blk = 1; blk < blocks; blk++)
                    acc += Vector512.LoadUnsafe(ref p0, (nuint)(blk * m + j));
                var q = Vector512.LoadUnsafe(ref br, (nuint)j) / (acc + t);
                q = Vector512.ConditionalSelect(Vector512.Equals(q, q), q, Vector512<T>.Zero);
                Vector512.ConditionalSelect(Vector512.Equals(q, Vector512.Create(T.PositiveInfinity)), huge, q).StoreUnsafe(ref vr, (nuint)j);
            }
        }
        for (; j < m; j++)
        {
            T acc = Unsafe.Add(ref p0, j);
            for (int blk = 1; blk < blocks; blk++)
                acc += Unsafe.Add(ref p0, blk * m + j);
            Unsafe.Add(ref vr, j) = ScalingSinkhorn.Guard(Unsafe.Add(ref br, j) / (acc + tiny));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Guard(Vector512<double> q, double huge)
    {
        q = Vector512.ConditionalSelect(Vector512.Equals(q, q), q, Vector512<double>.Zero);
        return Vector512.ConditionalSelect(Vector512.Equals(q, Vector512.Create(double.PositiveInfinity)), Vector512.Create(huge), q);
    }

    /// <summary>
    /// One pass over a row of K for the final diagnostics: returns <c>K_i · v</c>, adds <c>u_i K_i</c> to
    /// <paramref name="colPartial"/>, and when <paramref name="cost"/> is not empty sets <paramref name="rowCost"/> to
    /// <c>Σ_j T_ij C_ij</c> with <c>T_ij = (K_ij v_j) u_i</c> (non-finite T_ij counted as 0). Only when <see cref="HasEightRowKernels{T}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T DiagnoseRow<T>(ReadOnlySpan<T> k, ReadOnlySpan<T> v, T u, Span<T> colPartial, ReadOnlySpan<T> cost, out T rowCost)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = k.Length, j = 0;
        bool withCost = !cost.IsEmpty;
        ref T kr = ref MemoryMarshal.GetReference(k);
        ref T vr = ref MemoryMarshal.GetReference(v);
        ref T pr = ref MemoryMarshal.GetReference(colPartial);
        ref T cr = ref MemoryMarshal.GetReference(cost);
        var uu = Vector512.Create(u);
        Vector512<T> dot = Vector512<T>.Zero, wsum = Vector512<T>.Zero;
        for (; j <= m - Vector512<T>.Count; j += Vector512<T>.Count)
        {
            nuint o = (nuint)j;
            var kk = Vector512.LoadUnsafe(ref kr, o);
            var vv = Vector512.LoadUnsafe(ref vr, o);
            dot = Fma(kk, vv, dot);
            Fma(kk, uu, Vector512.LoadUnsafe(ref pr, o)).StoreUnsafe(ref pr, o);
            if (withCost)
            {
                var t = kk * vv * uu;
                t = Vector512.ConditionalSelect(Vector512.Equals(t - t, Vector512<T>.Zero), t, Vector512<T>.Zero);   // finite ⇔ t − t = 0
                wsum = Fma(t, Vector512.LoadUnsafe(ref cr, o), wsum);
            }
        }
        T d = Vector512.Sum(dot), w = Vector512.Sum(wsum);
        for (; j < m; j++)
        {
            T kk = Unsafe.Add(ref kr, j), vv = Unsafe.Add(ref vr, j);
            d += kk * vv;
            Unsafe.Add(ref pr, j) += kk * u;
            if (withCost)
            {
                T t = kk * vv * u;
                if (T.IsFinite(t)) w += t * Unsafe.Add(ref cr, j);
            }
        }
        rowCost = w;
        return d;
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
