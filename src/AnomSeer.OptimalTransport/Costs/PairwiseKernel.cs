using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomSeer.OptimalTransport;

/// <summary>
/// All pairwise dot products between the rows of two token sets (a small GEMM, <c>X Yᵀ</c>), finished into
/// a cost entry. Register-blocked 4 × 2 with 512- or 256-bit vectors where available, plain dot products otherwise.
/// </summary>
internal static class PairwiseKernel
{
    /// <summary>Turns (dot product, ‖x_i‖, ‖y_j‖) into a cost entry.</summary>
    internal interface IFinish<T>
    {
        static abstract T Finish(float dot, float normX, float normY);
    }

    internal readonly struct CosineDouble : IFinish<double>
    {
        public static double Finish(float dot, float nx, float ny) => Math.Max(0.0, 1.0 - dot);
    }

    internal readonly struct CosineSingle : IFinish<float>
    {
        public static float Finish(float dot, float nx, float ny) => MathF.Max(0f, 1f - dot);
    }

    internal readonly struct SquaredDouble : IFinish<double>
    {
        public static double Finish(float dot, float nx, float ny) => Math.Max(0.0, (double)nx * nx + (double)ny * ny - 2.0 * dot);
    }

    internal readonly struct SquaredSingle : IFinish<float>
    {
        public static float Finish(float dot, float nx, float ny) => MathF.Max(0f, nx * nx + ny * ny - 2f * dot);
    }

    /// <summary>
    /// <c>destination[i * y.Rows + j] = F(x'_i · y'_j, ‖x_i‖, ‖y_j‖)</c>, where <c>x' = x / (‖x‖ + 1e-6)</c> when
    /// <paramref name="normalize"/> is set and <c>x' = x</c> otherwise.
    /// </summary>
    public static void Compute<T, TFinish>(HiddenStates x, HiddenStates y, Span<T> destination, bool normalize)
        where TFinish : struct, IFinish<T>
    {
        if (x.Dimension != y.Dimension)
            throw new ArgumentException($"The token sets have different dimensions: {x.Dimension} and {y.Dimension}.", nameof(y));
        if (destination.Length < x.Rows * y.Rows)
            throw new ArgumentException($"The destination has {destination.Length} entries but {x.Rows} × {y.Rows} = {x.Rows * y.Rows} are needed.", nameof(destination));
        if (x.Rows == 0 || y.Rows == 0) return;

        int d = x.Dimension;
        float[] xBuffer = ArrayPool<float>.Shared.Rent(x.Rows * d + x.Rows);
        float[] yBuffer = ArrayPool<float>.Shared.Rent(y.Rows * d + y.Rows);
        try
        {
            var xs = xBuffer.AsSpan(0, x.Rows * d);
            var ys = yBuffer.AsSpan(0, y.Rows * d);
            var xNorms = xBuffer.AsSpan(x.Rows * d, x.Rows);
            var yNorms = yBuffer.AsSpan(y.Rows * d, y.Rows);
            Prepare(x, xs, xNorms, normalize);
            Prepare(y, ys, yNorms, normalize);
            Products<T, TFinish>(xs, x.Rows, ys, y.Rows, d, xNorms, yNorms, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(xBuffer);
            ArrayPool<float>.Shared.Return(yBuffer);
        }
    }

    private static void Prepare(HiddenStates h, Span<float> rows, Span<float> norms, bool normalize)
    {
        for (int r = 0; r < h.Rows; r++)
        {
            var src = h.Row(r);
            var dst = rows.Slice(r * h.Dimension, h.Dimension);
            float norm = TensorPrimitives.Norm(src);
            norms[r] = norm;
            if (normalize) TensorPrimitives.Divide(src, norm + CosineCost.NormEpsilon, dst);
            else src.CopyTo(dst);
        }
    }

    private static void Products<T, TFinish>(ReadOnlySpan<float> xs, int nx, ReadOnlySpan<float> ys, int ny, int d,
        ReadOnlySpan<float> xNorms, ReadOnlySpan<float> yNorms, Span<T> destination)
        where TFinish : struct, IFinish<T>
    {
        if (Vector512.IsHardwareAccelerated && nx >= 4 && ny >= TileColumns)
        {
            TiledProducts<T, TFinish>(xs, nx, ys, ny, d, xNorms, yNorms, destination);
            return;
        }
        int i = 0;
        bool wide = Vector512.IsHardwareAccelerated && d % Vector512<float>.Count == 0;
        if (wide || (Vector256.IsHardwareAccelerated && d % Vector256<float>.Count == 0))
        {
            for (; i + 4 <= nx; i += 4)
            {
                int j = 0;
                for (; j + 2 <= ny; j += 2)
                {
                    Dots8 dots;
                    if (wide) Block4x2Wide(xs, i, ys, j, d, out dots);
                    else Block4x2(xs, i, ys, j, d, out dots);
                    for (int a = 0; a < 4; a++)
                        for (int b = 0; b < 2; b++)
                            destination[(i + a) * ny + j + b] = TFinish.Finish(dots[a * 2 + b], xNorms[i + a], yNorms[j + b]);
                }
                for (; j < ny; j++)
                    for (int a = 0; a < 4; a++)
                        destination[(i + a) * ny + j] = TFinish.Finish(TensorPrimitives.Dot(xs.Slice((i + a) * d, d), ys.Slice(j * d, d)), xNorms[i + a], yNorms[j]);
            }
        }
        for (; i < nx; i++)
            for (int j = 0; j < ny; j++)
                destination[i * ny + j] = TFinish.Finish(TensorPrimitives.Dot(xs.Slice(i * d, d), ys.Slice(j * d, d)), xNorms[i], yNorms[j]);
    }

    private const int TileColumns = 32;

    /// <summary>
    /// GEMM-style products with 512-bit vectors: Y is packed into panels of 32 columns (each D × 32, contiguous)
    /// so that a 4 × 32 tile of results is accumulated in 8 registers, one broadcast x value and two y vectors per
    /// step, with no horizontal sums, and the panel stays in L1 (a plain transpose has a row stride of ny floats,
    /// which maps the strip onto a few cache sets). Rows and columns left over at the edges use plain dot products.
    /// </summary>
    private static void TiledProducts<T, TFinish>(ReadOnlySpan<float> xs, int nx, ReadOnlySpan<float> ys, int ny, int d,
        ReadOnlySpan<float> xNorms, ReadOnlySpan<float> yNorms, Span<T> destination)
        where TFinish : struct, IFinish<T>
    {
        float[] transposed = ArrayPool<float>.Shared.Rent(d * ny);
        try
        {
            var yT = transposed.AsSpan(0, d * ny);
            PackPanels(ys, ny, d, yT);
            Span<float> tile = stackalloc float[4 * TileColumns];
            int tiledRows = nx - nx % 4, tiledCols = ny - ny % TileColumns;
            // Column strip outside, row blocks inside: the 32-column strip of Yᵀ (D × 32 floats) stays in L1
            // while every block of 4 x rows streams past it.
            for (int j = 0; j < tiledCols; j += TileColumns)
            {
                for (int i = 0; i < tiledRows; i += 4)
                {
                    Tile4x32(xs, i, yT, j * d, d, tile);
                    for (int a = 0; a < 4; a++)
                    {
                        var dst = destination.Slice((i + a) * ny + j, TileColumns);
                        var products = tile.Slice(a * TileColumns, TileColumns);
                        float nxa = xNorms[i + a];
                        for (int b = 0; b < TileColumns; b++)
                            dst[b] = TFinish.Finish(products[b], nxa, yNorms[j + b]);
                    }
                }
            }
            for (int i = 0; i < tiledRows; i += 4)
            {
                for (int a = 0; a < 4; a++)
                    for (int j = tiledCols; j < ny; j++)
                        destination[(i + a) * ny + j] = TFinish.Finish(TensorPrimitives.Dot(xs.Slice((i + a) * d, d), ys.Slice(j * d, d)), xNorms[i + a], yNorms[j]);
            }
            for (int i = tiledRows; i < nx; i++)
                for (int j = 0; j < ny; j++)
                    destination[i * ny + j] = TFinish.Finish(TensorPrimitives.Dot(xs.Slice(i * d, d), ys.Slice(j * d, d)), xNorms[i], yNorms[j]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(transposed);
        }
    }

    /// <summary>
    /// Packs the first <c>ny − ny % 32</c> rows of Y (ny × D) into panels: panel p (columns 32p..32p+31) starts at
    /// <c>32 p D</c> and holds <c>Y[32p + c, k]</c> at <c>32 k + c</c>.
    /// </summary>
    private static void PackPanels(ReadOnlySpan<float> ys, int ny, int d, Span<float> packed)
    {
        int tiledCols = ny - ny % TileColumns;
        for (int j = 0; j < tiledCols; j += TileColumns)
        {
            var panel = packed.Slice(j * d, TileColumns * d);
            for (int c = 0; c < TileColumns; c++)
            {
                var row = ys.Slice((j + c) * d, d);
                for (int k = 0; k < d; k++) panel[k * TileColumns + c] = row[k];
            }
        }
    }

    /// <summary>The 4 × 32 tile of <c>X Yᵀ</c> at rows i.., from the packed panel at <paramref name="panel"/>, into <paramref name="tile"/> (row-major 4 × 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x32(ReadOnlySpan<float> xs, int i, ReadOnlySpan<float> yT, int panel, int d, Span<float> tile)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(xs), i * d);
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x1, d);
        ref float x3 = ref Unsafe.Add(ref x2, d);
        ref float y = ref Unsafe.Add(ref MemoryMarshal.GetReference(yT), panel);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int k = 0; k < d; k++)
        {
            ref float yk = ref Unsafe.Add(ref y, k * TileColumns);
            var y0 = Vector512.LoadUnsafe(ref yk);
            var y1 = Vector512.LoadUnsafe(ref yk, 16);
            var b = Vector512.Create(Unsafe.Add(ref x0, k));
            c00 = Vector512.FusedMultiplyAdd(b, y0, c00);
            c01 = Vector512.FusedMultiplyAdd(b, y1, c01);
            b = Vector512.Create(Unsafe.Add(ref x1, k));
            c10 = Vector512.FusedMultiplyAdd(b, y0, c10);
            c11 = Vector512.FusedMultiplyAdd(b, y1, c11);
            b = Vector512.Create(Unsafe.Add(ref x2, k));
            c20 = Vector512.FusedMultiplyAdd(b, y0, c20);
            c21 = Vector512.FusedMultiplyAdd(b, y1, c21);
            b = Vector512.Create(Unsafe.Add(ref x3, k));
            c30 = Vector512.FusedMultiplyAdd(b, y0, c30);
            c31 = Vector512.FusedMultiplyAdd(b, y1, c31);
        }
        ref float t = ref MemoryMarshal.GetReference(tile);
        c00.StoreUnsafe(ref t, 0); c01.StoreUnsafe(ref t, 16);
        c10.StoreUnsafe(ref t, 32); c11.StoreUnsafe(ref t, 48);
        c20.StoreUnsafe(ref t, 64); c21.StoreUnsafe(ref t, 80);
        c30.StoreUnsafe(ref t, 96); c31.StoreUnsafe(ref t, 112);
    }

    [InlineArray(8)]
    private struct Dots8
    {
        private float _element;
    }

    /// <summary>Dot products of x rows i..i+3 with y rows j, j+1: 8 accumulators, 6 loads per 8 FMAs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2(ReadOnlySpan<float> xs, int i, ReadOnlySpan<float> ys, int j, int d, out Dots8 dots)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(xs), i * d);
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x1, d);
        ref float x3 = ref Unsafe.Add(ref x2, d);
        ref float y0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(ys), j * d);
        ref float y1 = ref Unsafe.Add(ref y0, d);
        Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default;
        Vector256<float> a20 = default, a21 = default, a30 = default, a31 = default;
        for (int k = 0; k < d; k += Vector256<float>.Count)
        {
            var b0 = Vector256.LoadUnsafe(ref y0, (nuint)k);
            var b1 = Vector256.LoadUnsafe(ref y1, (nuint)k);
            var v = Vector256.LoadUnsafe(ref x0, (nuint)k);
            a00 = Vector256.FusedMultiplyAdd(v, b0, a00);
            a01 = Vector256.FusedMultiplyAdd(v, b1, a01);
            v = Vector256.LoadUnsafe(ref x1, (nuint)k);
            a10 = Vector256.FusedMultiplyAdd(v, b0, a10);
            a11 = Vector256.FusedMultiplyAdd(v, b1, a11);
            v = Vector256.LoadUnsafe(ref x2, (nuint)k);
            a20 = Vector256.FusedMultiplyAdd(v, b0, a20);
            a21 = Vector256.FusedMultiplyAdd(v, b1, a21);
            v = Vector256.LoadUnsafe(ref x3, (nuint)k);
            a30 = Vector256.FusedMultiplyAdd(v, b0, a30);
            a31 = Vector256.FusedMultiplyAdd(v, b1, a31);
        }
        dots = default;
        dots[0] = Vector256.Sum(a00); dots[1] = Vector256.Sum(a01);
        dots[2] = Vector256.Sum(a10); dots[3] = Vector256.Sum(a11);
        dots[4] = Vector256.Sum(a20); dots[5] = Vector256.Sum(a21);
        dots[6] = Vector256.Sum(a30); dots[7] = Vector256.Sum(a31);
    }

    /// <summary>As <see cref="Block4x2"/> with 512-bit vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4x2Wide(ReadOnlySpan<float> xs, int i, ReadOnlySpan<float> ys, int j, int d, out Dots8 dots)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(xs), i * d);
        ref float x1 = ref Unsafe.Add(ref x0, d);
        ref float x2 = ref Unsafe.Add(ref x1, d);
        ref float x3 = ref Unsafe.Add(ref x2, d);
        ref float y0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(ys), j * d);
        ref float y1 = ref Unsafe.Add(ref y0, d);
        Vector512<float> a00 = default, a01 = default, a10 = default, a11 = default;
        Vector512<float> a20 = default, a21 = default, a30 = default, a31 = default;
        for (int k = 0; k < d; k += Vector512<float>.Count)
        {
            var b0 = Vector512.LoadUnsafe(ref y0, (nuint)k);
            var b1 = Vector512.LoadUnsafe(ref y1, (nuint)k);
            var v = Vector512.LoadUnsafe(ref x0, (nuint)k);
            a00 = Vector512.FusedMultiplyAdd(v, b0, a00);
            a01 = Vector512.FusedMultiplyAdd(v, b1, a01);
            v = Vector512.LoadUnsafe(ref x1, (nuint)k);
            a10 = Vector512.FusedMultiplyAdd(v, b0, a10);
            a11 = Vector512.FusedMultiplyAdd(v, b1, a11);
            v = Vector512.LoadUnsafe(ref x2, (nuint)k);
            a20 = Vector512.FusedMultiplyAdd(v, b0, a20);
            a21 = Vector512.FusedMultiplyAdd(v, b1, a21);
            v = Vector512.LoadUnsafe(ref x3, (nuint)k);
            a30 = Vector512.FusedMultiplyAdd(v, b0, a30);
            a31 = Vector512.FusedMultiplyAdd(v, b1, a31);
        }
        dots = default;
        dots[0] = Vector512.Sum(a00); dots[1] = Vector512.Sum(a01);
        dots[2] = Vector512.Sum(a10); dots[3] = Vector512.Sum(a11);
        dots[4] = Vector512.Sum(a20); dots[5] = Vector512.Sum(a21);
        dots[6] = Vector512.Sum(a30); dots[7] = Vector512.Sum(a31);
    }
}
