using ILGPU;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// The two half-iterations of log-domain Sinkhorn over a whole batch, one launch each:
/// <c>log u_i = log a_i − LSE_j(−C_ij/ε + log v_j)</c> (one warp per row, lanes stride the columns, butterfly
/// reduction) and <c>log v_j = log b_j − LSE_i(−C_ij/ε + log u_i)</c> (one group per block of a warp's width
/// of columns, coalesced reads, each warp of the group takes every S-th row, partial results merged through
/// shared memory). Problems whose <c>Active</c> flag is 0 are left untouched.
/// </summary>
internal static class SinkhornKernels
{
    /// <summary>Largest group the kernels are launched with (sizes the shared scratch).</summary>
    public const int MaxGroupSize = 1024;

    /// <summary>Row half-step. Grid: ceil(TotalRows / warps per group) groups.</summary>
    public static void RowHalfStep(SinkhornViews v)
    {
        int warpsPerGroup = Group.DimX / Warp.WarpSize;
        int row = Grid.IdxX * warpsPerGroup + Group.IdxX / Warp.WarpSize;
        if (row >= v.Batch.TotalRows) return;
        int p = v.Batch.RowProblem[row];
        if (v.Active[p] == 0) return;
        int m = v.Batch.Columns[p];
        int columnOffset = v.Batch.ColumnOffset[p];
        long start = v.Batch.CostOffset[p] + (long)(row - v.Batch.RowOffset[p]) * m;

        var lse = OnlineLogSumExp.Empty();
        for (int j = Warp.LaneIdx; j < m; j += Warp.WarpSize)
            lse = OnlineLogSumExp.Add(lse, v.Cost[start + j] * v.NegInvEpsilon + v.LogV[columnOffset + j]);
        lse = OnlineLogSumExp.WarpAllReduce(lse);
        if (Warp.IsFirstLane)
            v.LogU[row] = v.LogRowMass[row] - OnlineLogSumExp.Value(lse);
    }

    /// <summary>Column half-step. Grid: one group per column block.</summary>
    public static void ColumnHalfStep(SinkhornViews v)
    {
        var maxes = SharedMemory.Allocate<float>(MaxGroupSize);
        var sums = SharedMemory.Allocate<float>(MaxGroupSize);
        int block = Grid.IdxX;
        int p = v.Batch.BlockProblem[block];
        if (v.Active[p] == 0) return; // uniform over the group: no barrier is skipped by only some threads

        int width = Warp.WarpSize;
        int lane = Group.IdxX % width, slice = Group.IdxX / width, slices = Group.DimX / width;
        int n = v.Batch.Rows[p], m = v.Batch.Columns[p];
        int j = v.Batch.BlockStart[block] + lane;
        int rowOffset = v.Batch.RowOffset[p];

        var lse = OnlineLogSumExp.Empty();
        if (j < m)
        {
            long index = v.Batch.CostOffset[p] + (long)slice * m + j;
            long step = (long)slices * m;
            for (int i = slice; i < n; i += slices, index += step)
                lse = OnlineLogSumExp.Add(lse, v.Cost[index] * v.NegInvEpsilon + v.LogU[rowOffset + i]);
        }
        maxes[Group.IdxX] = lse.Max;
        sums[Group.IdxX] = lse.Sum;
        Group.Barrier();
        if (slice == 0 && j < m)
        {
            for (int s = 1; s < slices; s++)
            {
                OnlineLogSumExp other;
                other.Max = maxes[s * width + lane];
                other.Sum = sums[s * width + lane];
                lse = OnlineLogSumExp.Combine(lse, other);
            }
            int column = v.Batch.ColumnOffset[p] + j;
            v.LogV[column] = v.LogColumnMass[column] - OnlineLogSumExp.Value(lse);
        }
    }
}
