using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>What <see cref="BlockIteration{T}"/> computes for each block of rows.</summary>
internal enum BlockPhase
{
    /// <summary>One Sinkhorn iteration.</summary>
    Iterate,

    /// <summary>The kernel matrix K from the cost.</summary>
    Build,

    /// <summary>Row sums and column partials of the plan (the marginal error).</summary>
    Error,

    /// <summary>As <see cref="Error"/>, plus the transport cost (and the plan when asked for).</summary>
    ErrorAndCost,
}

/// <summary>
/// The passes over K outside the iterations, one block of rows at a time: building K, and the marginal error and
/// transport cost at the end (per-row arithmetic as a plain loop would do it; sums per block, added in block order
/// by the caller).
/// </summary>
internal static class BlockPasses
{
    /// <summary><c>K_rows = max(exp(C_rows / negEps), tiny)</c> for the given rows.</summary>
    /// <returns>Whether every cost of these rows is finite and non-negative.</returns>
    public static bool BuildKernel<T>(ReadOnlySpan<T> cost, Span<T> k, Range rows, int m, T negEps, T tiny)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (start, count) = rows.GetOffsetAndLength(k.Length / Math.Max(m, 1));
        bool valid = true;
        for (int i = start; i < start + count; i++)   // row by row, so the passes stay in L1
            valid &= KernelRow(cost.Slice(i * m, m), k.Slice(i * m, m), negEps, tiny);
        return valid;
    }

    /// <summary>
    /// <c>k = max(exp(cost / negEps), tiny)</c> for one row (the only place K entries are computed). Returns whether every
    /// cost of the row is finite and non-negative.
    /// </summary>
    public static bool KernelRow<T>(ReadOnlySpan<T> cost, Span<T> k, T negEps, T tiny)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double) && KernelExp.IsAccelerated)
        {
            return KernelExp.Apply(MemoryMarshal.Cast<T, double>(cost), double.CreateTruncating(negEps),
                double.CreateTruncating(tiny), MemoryMarshal.Cast<T, double>(k));
        }
        bool valid = true;
        if (!cost.IsEmpty)
        {
            // Min and Max propagate NaN.
            T min = TensorPrimitives.Min(cost), max = TensorPrimitives.Max(cost);
            valid = !T.IsNaN(min) && !T.IsNaN(max) && T.IsFinite(max) && min >= T.Zero;
        }
        TensorPrimitives.Divide(cost, negEps, k);
        TensorPrimitives.Exp(k, k);
        TensorPrimitives.Max(k, tiny, k);
        return valid;
    }

    /// <summary>
    /// For the given rows: <c>rowSums_i = u_i (K_i · v)</c> (into the vector buffer's row scratch),
    /// (plan entries <c>T_ij = (K_ij v_j) u_i</c>, a non-finite one counted as 0),
    /// <c>colPartial = Σ_i u_i K_i</c>, and when <paramref name="withCost"/> the block's share of W (returned), with
    /// the plan rows written when <paramref name="plan"/> is given. Vector buffer laid out as <paramref name="layout"/> says.
    /// </summary>
    public static double Diagnose<T>(ReadOnlySpan<T> k, ReadOnlySpan<T> cost, Span<T> vectors, ScalingVectors layout, Span<T> colPartial, int n, int m,
        Range rows, bool withCost, double[]? plan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (start, count) = rows.GetOffsetAndLength(n);
        ReadOnlySpan<T> u = vectors.Slice(layout.U, n);
        Span<T> rowSums = vectors.Slice(layout.RowScratch, n);
        ReadOnlySpan<T> v = vectors.Slice(layout.V, m);
        if (RowKernels.HasEightRowKernels<T>(m))
        {
            // One pass per row (RowKernels.DiagnoseRow) instead of six.
            colPartial.Clear();
            double total = 0;
            for (int i = start; i < start + count; i++)
            {
                var row = k.Slice(i * m, m);
                T dot = RowKernels.DiagnoseRow(row, v, u[i], colPartial, withCost ? cost.Slice(i * m, m) : default, out T rowCost);
                rowSums[i] = u[i] * dot;
                if (!withCost) continue;
                total += double.CreateTruncating(rowCost);
                if (plan is not null)
                {
                    for (int j = 0; j < m; j++)
                    {
                        T t = row[j] * v[j] * u[i];
                        plan[i * m + j] = T.IsFinite(t) ? double.CreateTruncating(t) : 0.0;
                    }
                }
            }
            return total;
        }
        T[] scratch = System.Buffers.ArrayPool<T>.Shared.Rent(m);
        try
        {
            Span<T> rowPlan = scratch.AsSpan(0, m);
            colPartial.Clear();
            double w = 0;
            for (int i = start; i < start + count; i++)
            {
                var row = k.Slice(i * m, m);
                rowSums[i] = u[i] * TensorPrimitives.Dot(row, v);
                TensorPrimitives.MultiplyAdd(row, u[i], colPartial, colPartial);
                if (!withCost) continue;
                TensorPrimitives.Multiply(row, v, rowPlan);
                TensorPrimitives.Multiply(rowPlan, u[i], rowPlan);
                if (!T.IsFinite(TensorPrimitives.Sum<T>(rowPlan)))
                {
                    for (int j = 0; j < m; j++)
                        if (!T.IsFinite(rowPlan[j])) rowPlan[j] = T.Zero;
                }
                w += double.CreateTruncating(TensorPrimitives.Dot(rowPlan, cost.Slice(i * m, m)));
                if (plan is not null)
                    for (int j = 0; j < m; j++) plan[i * m + j] = double.CreateTruncating(rowPlan[j]);
            }
            return w;
        }
        finally
        {
            System.Buffers.ArrayPool<T>.Shared.Return(scratch);
        }
    }
}
