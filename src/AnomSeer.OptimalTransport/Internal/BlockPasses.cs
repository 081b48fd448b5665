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
    public static void BuildKernel<T>(ReadOnlySpan<T> cost, T[] k, Range rows, int m, T negEps, T tiny)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (start, count) = rows.GetOffsetAndLength(k.Length / Math.Max(m, 1));
        for (int i = start; i < start + count; i++)   // row by row, so the three passes stay in L1
        {
            var dst = k.AsSpan(i * m, m);
            if (typeof(T) == typeof(double) && KernelExp.IsAccelerated)
            {
                KernelExp.Apply(MemoryMarshal.Cast<T, double>(cost.Slice(i * m, m)), double.CreateTruncating(negEps),
                    double.CreateTruncating(tiny), MemoryMarshal.Cast<T, double>(dst));
                continue;
            }
            TensorPrimitives.Divide(cost.Slice(i * m, m), negEps, dst);
            TensorPrimitives.Exp(dst, dst);
            TensorPrimitives.Max(dst, tiny, dst);
        }
    }

    /// <summary>
    /// For the given rows: <c>rowSums_i = u_i (K_i · v)</c> (into the vector buffer's row scratch),
    /// <c>colPartial = Σ_i u_i K_i</c>, and when <paramref name="withCost"/> the block's share of W (returned), with
    /// the plan rows written when <paramref name="plan"/> is given. Vector buffer layout as in <see cref="ScalingSinkhorn"/>.
    /// </summary>
    public static double Diagnose<T>(ReadOnlySpan<T> k, ReadOnlySpan<T> cost, T[] vectors, Span<T> colPartial, int n, int m,
        Range rows, bool withCost, double[]? plan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (start, count) = rows.GetOffsetAndLength(n);
        ReadOnlySpan<T> u = vectors.AsSpan(n, n);
        Span<T> rowSums = vectors.AsSpan(2 * n, n);
        ReadOnlySpan<T> v = vectors.AsSpan(3 * n + m, m);
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
