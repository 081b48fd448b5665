using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomSeer.OptimalTransport;

/// <summary>
/// All pairwise dot products between the rows of two token sets (a small GEMM, <c>X Yᵀ</c>), produced one block of
/// <see cref="RowBlock"/> rows at a time and handed to a sink while still in cache (a finisher turning them into cost
/// entries, or the fused cost-and-kernel build of the Sinkhorn path). With 512-bit vectors, Y is packed into panels of
/// 32 columns and 8 × 32 (or 4 × 32) register tiles are accumulated; plain dot products otherwise.
/// </summary>
/// <remarks>
/// Every product goes through <see cref="Products{TSink}"/>, so a cost entry does not depend on which sink consumes it:
/// the fused Sinkhorn path sees exactly the cost matrix <see cref="CosineCost.Compute(HiddenStates, HiddenStates, Span{double})"/>
/// returns.
/// </remarks>
internal static class PairwiseKernel
{
    /// <summary>Rows of dot products handed to a sink at a time (a multiple of the 8-row tile).</summary>
    public const int RowBlock = 64;

    /// <summary>Columns per packed panel of Y (two 512-bit float vectors).</summary>
    public const int TileColumns = 32;

    /// <summary>Turns a row of dot products (with ‖x_i‖ and every ‖y_j‖) into a row of cost entries.</summary>
    internal interface IFinish<T>
    {
        static abstract void Row(ReadOnlySpan<float> dots, float normX, ReadOnlySpan<float> normsY, Span<T> destination);
    }

    /// <summary>Receives the dot products of rows <c>first .. first + count − 1</c> (row-major, <c>y.Rows</c> per row).</summary>
    internal interface IRowSink
    {
        void Rows(int first, int count, ReadOnlySpan<float> dots);
    }

    /// <summary><c>max(0, 1 − dot)</c> in float64 (the cosine cost of normalised rows).</summary>
    internal readonly struct CosineDouble : IFinish<double>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Row(ReadOnlySpan<float> dots, float normX, ReadOnlySpan<float> normsY, Span<double> destination)
        {
            int len = dots.Length, j = 0;
            ref float d = ref MemoryMarshal.GetReference(dots);
            ref double o = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
            {
                var one = Vector512.Create(1.0);
                for (; j <= len - Vector512<float>.Count; j += Vector512<float>.Count)
                {
                    var (lo, hi) = Vector512.Widen(Vector512.LoadUnsafe(ref d, (nuint)j));
                    Vector512.Max(Vector512<double>.Zero, one - lo).StoreUnsafe(ref o, (nuint)j);
                    Vector512.Max(Vector512<double>.Zero, one - hi).StoreUnsafe(ref o, (nuint)(j + Vector512<double>.Count));
                }
            }
            for (; j < len; j++) Unsafe.Add(ref o, j) = Math.Max(0.0, 1.0 - Unsafe.Add(ref d, j));
        }
    }

    /// <summary><c>max(0, 1 − dot)</c> in float32.</summary>
    internal readonly struct CosineSingle : IFinish<float>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Row(ReadOnlySpan<float> dots, float normX, ReadOnlySpan<float> normsY, Span<float> destination)
        {
            int len = dots.Length, j = 0;
            ref float d = ref MemoryMarshal.GetReference(dots);
            ref float o = ref MemoryMarshal.GetReference(destination);
            if (Vector512.IsHardwareAccelerated)
            {
                var one = Vector512.Create(1f);
                for (; j <= len - Vector512<float>.Count; j += Vector512<float>.Count)
                    Vector512.Max(Vector512<float>.Zero, one - Vector512.LoadUnsafe(ref d, (nuint)j)).StoreUnsafe(ref o, (nuint)j);
            }
            for (; j < len; j++) Unsafe.Add(ref o, j) = MathF.Max(0f, 1f - Unsafe.Add(ref d, j));
        }
    }

    /// <summary><c>max(0, ‖x‖² + ‖y‖² − 2 dot)</c> in float64.</summary>
    internal readonly struct SquaredDouble : IFinish<double>
    {
        public static void Row(ReadOnlySpan<float> dots, float normX, ReadOnlySpan<float> normsY, Span<double> destination)
        {
            double nx2 = (double)normX * normX;
            for (int j = 0; j < dots.Length; j++)
                destination[j] = Math.Max(0.0, nx2 + (double)normsY[j] * normsY[j] - 2.0 * dots[j]);
        }
    }

    /// <summary><c>max(0, ‖x‖² + ‖y‖² − 2 dot)</c> in float32.</summary>
    internal readonly struct SquaredSingle : IFinish<float>
    {
        public static void Row(ReadOnlySpan<float> dots, float normX, ReadOnlySpan<float> normsY, Span<float> destination)
        {
            float nx2 = normX * normX;
            for (int j = 0; j < dots.Length; j++)
                destination[j] = MathF.Max(0f, nx2 + normsY[j] * normsY[j] - 2f * dots[j]);
        }
    }

    /// <summary>Finishes every row into a row-major destination.</summary>
    private ref struct FinishSink<T, TFinish>(Span<T> destination, ReadOnlySpan<float> normsX, ReadOnlySpan<float> normsY) : IRowSink
        where TFinish : struct, IFinish<T>
    {
        private readonly Span<T> _destination = destination;
        private readonly ReadOnlySpan<float> _normsX = normsX, _normsY = normsY;

        public readonly void Rows(int first, int count, ReadOnlySpan<float> dots)
        {
            int ny = _normsY.Length;
            for (int r = 0; r < count; r++)
                TFinish.Row(dots.Slice(r * ny, ny), _normsX[first + r], _normsY, _destination.Slice((first + r) * ny, ny));
        }
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

        using var xs = TokenPanels.Create(x, normalize, pack: false);
        using var ys = TokenPanels.Create(y, normalize, pack: true);
        var sink = new FinishSink<T, TFinish>(destination, xs.Norms, ys.Norms);
        Products(xs, ys, ref sink);
    }

    /// <summary>
    /// The dot products of every row of <paramref name="x"/> with every row of <paramref name="y"/>, handed to
    /// <paramref name="sink"/> in blocks of <see cref="RowBlock"/> rows (the last block shorter), in row order.
    /// </summary>
    public static void Products<TSink>(TokenPanels x, TokenPanels y, ref TSink sink)
        where TSink : IRowSink, allows ref struct
    {
        int nx = x.Rows, ny = y.Rows;
        if (nx == 0 || ny == 0) return;
        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Min(RowBlock, nx) * ny);
        try
        {
            for (int r0 = 0; r0 < nx; r0 += RowBlock)
            {
                int rows = Math.Min(RowBlock, nx - r0);
                var dots = buffer.AsSpan(0, rows * ny);
                BlockProducts(x, r0, rows, y, dots);
                sink.Rows(r0, rows, dots);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>Dot products of rows <c>r0 .. r0 + rows − 1</c> of X with all rows of Y, row-major into <paramref name="dots"/>.</summary>
    private static void BlockProducts(TokenPanels x, int r0, int rows, TokenPanels y, Span<float> dots)
    {
        int ny = y.Rows, d = x.Dimension;
        ReadOnlySpan<float> xs = x.Values, ys = y.Values;
        int tiledCols = 0;
        if (y.IsPacked && rows >= 4)
        {
            ReadOnlySpan<float> packed = y.Packed;
            tiledCols = ny - ny % TileColumns;
            // Panel outside, tiles of rows inside: the D × 32 panel stays in L1 while the block's rows stream past it.
            for (int j = 0; j < tiledCols; j += TileColumns)
            {
                int i = 0;
                for (; i + 8 <= rows; i += 8)
                    Tile8x32(xs, r0 + i, packed, j * d, d, dots, i * ny + j, ny);
                for (; i + 4 <= rows; i += 4)
                    Tile4x32(xs, r0 + i, packed, j * d, d, dots, i * ny + j, ny);
                for (; i < rows; i++)
                    for (int c = 0; c < TileColumns; c++)
                        dots[i * ny + j + c] = TensorPrimitives.Dot(xs.Slice((r0 + i) * d, d), ys.Slice((j + c) * d, d));
            }
        }
        else if (!y.IsPacked && rows >= 4 && (Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated)
                 && d % (Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count) == 0)
        {
            bool wide = Vector512.IsHardwareAccelerated;
            int i = 0;
            for (; i + 4 <= rows; i += 4)
            {
                int j = 0;
                for (; j + 2 <= ny; j += 2)
                {
                    Dots8 block;
                    if (wide) Block4x2Wide(xs, r0 + i, ys, j, d, out block);
                    else Block4x2(xs, r0 + i, ys, j, d, out block);
                    for (int a = 0; a < 4; a++)
                        for (int b = 0; b < 2; b++)
                            dots[(i + a) * ny + j + b] = block[a * 2 + b];
                }
                for (; j < ny; j++)
                    for (int a = 0; a < 4; a++)
                        dots[(i + a) * ny + j] = TensorPrimitives.Dot(xs.Slice((r0 + i + a) * d, d), ys.Slice(j * d, d));
            }
            for (; i < rows; i++)
                for (int j = 0; j < ny; j++)
                    dots[i * ny + j] = TensorPrimitives.Dot(xs.Slice((r0 + i) * d, d), ys.Slice(j * d, d));
            return;
        }
        for (int i = 0; i < rows; i++)
        {
            var xr = xs.Slice((r0 + i) * d, d);
            for (int j = tiledCols; j < ny; j++)
                dots[i * ny + j] = TensorPrimitives.Dot(xr, ys.Slice(j * d, d));
        }
    }

    /// <summary>
    /// The 8 × 32 tile of <c>X Yᵀ</c> at rows i.. and the packed panel starting at <paramref name="panel"/>, stored at
    /// <paramref name="offset"/> of <paramref name="dots"/> with row stride <paramref name="stride"/>: 16 accumulators,
    /// two panel loads and eight broadcasts per 16 fused multiply-adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8x32(ReadOnlySpan<float> xs, int i, ReadOnlySpan<float> packed, int panel, int d, Span<float> dots, int offset, int stride)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(xs), i * d);
        ref float y = ref Unsafe.Add(ref MemoryMarshal.GetReference(packed), panel);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        nint d1 = d, d2 = 2 * d1, d3 = 3 * d1, d4 = 4 * d1, d5 = 5 * d1, d6 = 6 * d1, d7 = 7 * d1;
        for (int k = 0; k < d; k++)
        {
            ref float yk = ref Unsafe.Add(ref y, k * TileColumns);
            var y0 = Vector512.LoadUnsafe(ref yk);
            var y1 = Vector512.LoadUnsafe(ref yk, 16);
            ref float xk = ref Unsafe.Add(ref x0, k);
            var b = Vector512.Create(xk);
            c00 = Vector512.FusedMultiplyAdd(b, y0, c00);
            c01 = Vector512.FusedMultiplyAdd(b, y1, c01);
            b = Vector512.Create(Unsafe.Add(ref xk, d1));
            c10 = Vector512.FusedMultiplyAdd(b, y0, c10);
            c11 = Vector512.FusedMultiplyAdd(b, y1, c11);
            b = Vector512.Create(Unsafe.Add(ref xk, d2));
            c20 = Vector512.FusedMultiplyAdd(b, y0, c20);
            c21 = Vector512.FusedMultiplyAdd(b, y1, c21);
            b = Vector512.Create(Unsafe.Add(ref xk, d3));
            c30 = Vector512.FusedMultiplyAdd(b, y0, c30);
            c31 = Vector512.FusedMultiplyAdd(b, y1, c31);
            b = Vector512.Create(Unsafe.Add(ref xk, d4));
            c40 = Vector512.FusedMultiplyAdd(b, y0, c40);
            c41 = Vector512.FusedMultiplyAdd(b, y1, c41);
            b = Vector512.Create(Unsafe.Add(ref xk, d5));
            c50 = Vector512.FusedMultiplyAdd(b, y0, c50);
            c51 = Vector512.FusedMultiplyAdd(b, y1, c51);
            b = Vector512.Create(Unsafe.Add(ref xk, d6));
            c60 = Vector512.FusedMultiplyAdd(b, y0, c60);
            c61 = Vector512.FusedMultiplyAdd(b, y1, c61);
            b = Vector512.Create(Unsafe.Add(ref xk, d7));
            c70 = Vector512.FusedMultiplyAdd(b, y0, c70);
            c71 = Vector512.FusedMultiplyAdd(b, y1, c71);
        }
        ref float t = ref Unsafe.Add(ref MemoryMarshal.GetReference(dots), offset);
        nuint s = (nuint)stride;
        c00.StoreUnsafe(ref t, 0); c01.StoreUnsafe(ref t, 16);
        c10.StoreUnsafe(ref t, s); c11.StoreUnsafe(ref t, s + 16);
        c20.StoreUnsafe(ref t, 2 * s); c21.StoreUnsafe(ref t, 2 * s + 16);
        c30.StoreUnsafe(ref t, 3 * s); c31.StoreUnsafe(ref t, 3 * s + 16);
        c40.StoreUnsafe(ref t, 4 * s); c41.StoreUnsafe(ref t, 4 * s + 16);
        c50.StoreUnsafe(ref t, 5 * s); c51.StoreUnsafe(ref t, 5 * s + 16);
        c60.StoreUnsafe(ref t, 6 * s); c61.StoreUnsafe(ref t, 6 * s + 16);
        c70.StoreUnsafe(ref t, 7 * s); c71.StoreUnsafe(ref t, 7 * s + 16);
    }

    /// <summary>As <see cref="Tile8x32"/> for 4 rows (the rows left over below a multiple of 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x32(ReadOnlySpan<float> xs, int i, ReadOnlySpan<float> packed, int panel, int d, Span<float> dots, int offset, int stride)
    {
        ref float x0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(xs), i * d);
        ref float y = ref Unsafe.Add(ref MemoryMarshal.GetReference(packed), panel);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        nint d1 = d, d2 = 2 * d1, d3 = 3 * d1;
        for (int k = 0; k < d; k++)
        {
            ref float yk = ref Unsafe.Add(ref y, k * TileColumns);
            var y0 = Vector512.LoadUnsafe(ref yk);
            var y1 = Vector512.LoadUnsafe(ref yk, 16);
            ref float xk = ref Unsafe.Add(ref x0, k);
            var b = Vector512.Create(xk);
            c00 = Vector512.FusedMultiplyAdd(b, y0, c00);
            c01 = Vector512.FusedMultiplyAdd(b, y1, c01);
            b = Vector512.Create(Unsafe.Add(ref xk, d1));
            c10 = Vector512.FusedMultiplyAdd(b, y0, c10);
            c11 = Vector512.FusedMultiplyAdd(b, y1, c11);
            b = Vector512.Create(Unsafe.Add(ref xk, d2));
            c20 = Vector512.FusedMultiplyAdd(b, y0, c20);
            c21 = Vector512.FusedMultiplyAdd(b, y1, c21);
            b = Vector512.Create(Unsafe.Add(ref xk, d3));
            c30 = Vector512.FusedMultiplyAdd(b, y0, c30);
            c31 = Vector512.FusedMultiplyAdd(b, y1, c31);
        }
        ref float t = ref Unsafe.Add(ref MemoryMarshal.GetReference(dots), offset);
        nuint s = (nuint)stride;
        c00.StoreUnsafe(ref t, 0); c01.StoreUnsafe(ref t, 16);
        c10.StoreUnsafe(ref t, s); c11.StoreUnsafe(ref t, s + 16);
        c20.StoreUnsafe(ref t, 2 * s); c21.StoreUnsafe(ref t, 2 * s + 16);
        c30.StoreUnsafe(ref t, 3 * s); c31.StoreUnsafe(ref t, 3 * s + 16);
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
