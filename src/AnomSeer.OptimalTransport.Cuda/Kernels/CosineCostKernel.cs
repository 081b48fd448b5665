using ILGPU;
using ILGPU.Algorithms;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// The cosine cost <c>C_ij = max(0, 1 − x_i·y_j / ((‖x_i‖ + 1e-6)(‖y_j‖ + 1e-6)))</c> (spec b.5 step 4) of
/// every problem, written straight into the Sinkhorn cost buffer: a shared-memory tiled <c>X Yᵀ</c> where a
/// square group of <c>s × s</c> threads computes a <c>4s × 4s</c> tile, each thread a 4 × 4 register block,
/// stepping through the features <c>s</c> at a time. Grid: one group per tile (see <see cref="HiddenStateViews.TileProblem"/>).
/// </summary>
internal static class CosineCostKernel
{
    /// <summary>Outputs per thread along each side.</summary>
    public const int Block = 4;

    /// <summary>Largest tile side (threads) the kernel supports: 16 (a 256-thread group, a 64 × 64 tile).</summary>
    public const int MaxTileSide = 16;

    private const int SharedLength = MaxTileSide * (Block * MaxTileSide + 1);

    /// <summary>The kernel.</summary>
    public static void Compute(SinkhornViews v, HiddenStateViews h)
    {
        var xs = SharedMemory.Allocate<float>(SharedLength);
        var ys = SharedMemory.Allocate<float>(SharedLength);
        int s = h.TileSide, d = h.Dimension;
        int tile = s * Block, pitch = tile + 1, groupSize = s * s;
        int t = Group.IdxX, ty = t / s, tx = t % s;

        int g = Grid.IdxX;
        int p = h.TileProblem[g];
        int r0 = h.TileRow[g], c0 = h.TileColumn[g];
        int n = v.Batch.Rows[p], m = v.Batch.Columns[p];
        int rowOffset = v.Batch.RowOffset[p], columnOffset = v.Batch.ColumnOffset[p];

        float a00 = 0, a01 = 0, a02 = 0, a03 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
        float a20 = 0, a21 = 0, a22 = 0, a23 = 0, a30 = 0, a31 = 0, a32 = 0, a33 = 0;
        for (int k0 = 0; k0 < d; k0 += s)
        {
            for (int e = t; e < tile * s; e += groupSize)
            {
                int local = e / s, kk = e % s, k = k0 + kk;
                int row = r0 + local, column = c0 + local;
                xs[kk * pitch + local] = row < n && k < d ? h.Response[(long)(rowOffset + row) * d + k] : 0f;
                ys[kk * pitch + local] = column < m && k < d ? h.Reference[(long)(columnOffset + column) * d + k] : 0f;
            }
            Group.Barrier();
            for (int kk = 0; kk < s; kk++)
            {
                int at = kk * pitch;
                float x0 = xs[at + ty], x1 = xs[at + ty + s], x2 = xs[at + ty + 2 * s], x3 = xs[at + ty + 3 * s];
                float y0 = ys[at + tx], y1 = ys[at + tx + s], y2 = ys[at + tx + 2 * s], y3 = ys[at + tx + 3 * s];
                a00 += x0 * y0; a01 += x0 * y1; a02 += x0 * y2; a03 += x0 * y3;
                a10 += x1 * y0; a11 += x1 * y1; a12 += x1 * y2; a13 += x1 * y3;
                a20 += x2 * y0; a21 += x2 * y1; a22 += x2 * y2; a23 += x2 * y3;
                a30 += x3 * y0; a31 += x3 * y1; a32 += x3 * y2; a33 += x3 * y3;
            }
            Group.Barrier();
        }

        int r = r0 + ty, c = c0 + tx;
        Store(v, h, p, r, c, a00); Store(v, h, p, r, c + s, a01); Store(v, h, p, r, c + 2 * s, a02); Store(v, h, p, r, c + 3 * s, a03);
        r += s;
        Store(v, h, p, r, c, a10); Store(v, h, p, r, c + s, a11); Store(v, h, p, r, c + 2 * s, a12); Store(v, h, p, r, c + 3 * s, a13);
        r += s;
        Store(v, h, p, r, c, a20); Store(v, h, p, r, c + s, a21); Store(v, h, p, r, c + 2 * s, a22); Store(v, h, p, r, c + 3 * s, a23);
        r += s;
        Store(v, h, p, r, c, a30); Store(v, h, p, r, c + s, a31); Store(v, h, p, r, c + 2 * s, a32); Store(v, h, p, r, c + 3 * s, a33);
    }

    private static void Store(SinkhornViews v, HiddenStateViews h, int p, int row, int column, float dot)
    {
        int n = v.Batch.Rows[p], m = v.Batch.Columns[p];
        if (row >= n || column >= m) return;
        float nx = h.ResponseNorm[v.Batch.RowOffset[p] + row] + 1e-6f;
        float ny = h.ReferenceNorm[v.Batch.ColumnOffset[p] + column] + 1e-6f;
        v.Cost[v.Batch.CostOffset[p] + (long)row * m + column] = XMath.Max(0f, 1f - dot / (nx * ny));
    }
}
