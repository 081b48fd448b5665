using ILGPU;
using ILGPU.Algorithms;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// The plan's marginals and the transport cost, computed on the device from the potentials without ever
/// storing the plan <c>T_ij = exp(−C_ij/ε + log u_i + log v_j)</c>: per row and per column first, then per
/// problem (one group each, float64 accumulation).
/// </summary>
internal static class FinishKernels
{
    /// <summary>Per row: <c>Σ_j T_ij</c> and <c>Σ_j T_ij C_ij</c>. Grid as <see cref="SinkhornKernels.RowHalfStep"/>.</summary>
    public static void RowSums(SinkhornViews v)
    {
        int warpsPerGroup = Group.DimX / Warp.WarpSize;
        int row = Grid.IdxX * warpsPerGroup + Group.IdxX / Warp.WarpSize;
        if (row >= v.Batch.TotalRows) return;
        int p = v.Batch.RowProblem[row];
        int m = v.Batch.Columns[p];
        int columnOffset = v.Batch.ColumnOffset[p];
        long start = v.Batch.CostOffset[p] + (long)(row - v.Batch.RowOffset[p]) * m;
        float logU = v.LogU[row];

        float mass = 0f, cost = 0f;
        for (int j = Warp.LaneIdx; j < m; j += Warp.WarpSize)
        {
            float c = v.Cost[start + j];
            float t = XMath.Exp(c * v.NegInvEpsilon + logU + v.LogV[columnOffset + j]);
            mass += t;
            cost += t * c;
        }
        mass = WarpSum.AllReduce(mass);
        cost = WarpSum.AllReduce(cost);
        if (Warp.IsFirstLane)
        {
            v.RowSum[row] = mass;
            v.RowCost[row] = cost;
        }
    }

    /// <summary>Per column: <c>Σ_i T_ij</c>. Grid as <see cref="SinkhornKernels.ColumnHalfStep"/>.</summary>
    public static void ColumnSums(SinkhornViews v)
    {
        var partial = SharedMemory.Allocate<float>(SinkhornKernels.MaxGroupSize);
        int block = Grid.IdxX;
        int p = v.Batch.BlockProblem[block];
        int width = Warp.WarpSize;
        int lane = Group.IdxX % width, slice = Group.IdxX / width, slices = Group.DimX / width;
        int n = v.Batch.Rows[p], m = v.Batch.Columns[p];
        int j = v.Batch.BlockStart[block] + lane;
        int rowOffset = v.Batch.RowOffset[p];

        float mass = 0f;
        if (j < m)
        {
            float logV = v.LogV[v.Batch.ColumnOffset[p] + j];
            long index = v.Batch.CostOffset[p] + (long)slice * m + j;
            long step = (long)slices * m;
            for (int i = slice; i < n; i += slices, index += step)
                mass += XMath.Exp(v.Cost[index] * v.NegInvEpsilon + v.LogU[rowOffset + i] + logV);
        }
        partial[Group.IdxX] = mass;
        Group.Barrier();
        if (slice == 0 && j < m)
        {
            for (int s = 1; s < slices; s++) mass += partial[s * width + lane];
            v.ColumnSum[v.Batch.ColumnOffset[p] + j] = mass;
        }
    }

    /// <summary>
    /// Per problem (one group each): W = Σ_i RowCost_i, the row error Σ_i |RowSum_i − a_i| and, when
    /// <paramref name="withColumns"/> is 1, the column error Σ_j |ColumnSum_j − b_j|.
    /// </summary>
    public static void ProblemSums(SinkhornViews v, int withColumns)
    {
        var scratch = SharedMemory.Allocate<double>(SinkhornKernels.MaxGroupSize);
        int p = Grid.IdxX;
        int n = v.Batch.Rows[p], m = v.Batch.Columns[p];
        int rowOffset = v.Batch.RowOffset[p], columnOffset = v.Batch.ColumnOffset[p];

        double cost = 0, rowError = 0, columnError = 0;
        for (int i = Group.IdxX; i < n; i += Group.DimX)
        {
            cost += v.RowCost[rowOffset + i];
            rowError += XMath.Abs((double)v.RowSum[rowOffset + i] - v.RowMass[rowOffset + i]);
        }
        if (withColumns != 0)
            for (int j = Group.IdxX; j < m; j += Group.DimX)
                columnError += XMath.Abs((double)v.ColumnSum[columnOffset + j] - v.ColumnMass[columnOffset + j]);

        cost = GroupReduce.Sum(cost, scratch);
        rowError = GroupReduce.Sum(rowError, scratch);
        columnError = GroupReduce.Sum(columnError, scratch);
        if (Group.IdxX == 0)
        {
            v.ProblemCost[p] = cost;
            v.ProblemRowError[p] = rowError;
            v.ProblemColumnError[p] = columnError;
        }
    }
}
