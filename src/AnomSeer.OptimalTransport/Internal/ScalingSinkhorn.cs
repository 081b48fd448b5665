using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// The paper's scaling form of Sinkhorn (spec b.5 step 5), vectorised with <see cref="TensorPrimitives"/>.
/// </summary>
/// <remarks>
/// Per iteration: <c>u_i = a_i / (Σ_j K_ij v_j + tiny)</c> (a dot product per row) then
/// <c>v = b / (Σ_i u_i K_i + tiny)</c> (row-wise multiply-adds), fused so that K is read once per iteration,
/// NaN → 0 and +∞ → huge after each update. The column sums are accumulated per fixed block of
/// <see cref="BlockRows"/> rows and the block sums added in order, so the result is the same whether the blocks
/// run on one thread or several. The float64 result equals a straightforward scalar loop up to the order of
/// floating-point summation.
/// </remarks>
internal static class ScalingSinkhorn
{
    /// <summary>Rows per block of the column-sum accumulation (fixed: the result must not depend on threads).</summary>
    public const int BlockRows = 64;

    /// <summary>Problems at least this large (n × m) split their row blocks across threads when asked to.</summary>
    public const int ParallelThreshold = 64 * 1024;

    public static SinkhornResult Solve<T>(in SinkhornProblem<T> problem, SinkhornOptions options,
        SinkhornWorkspace<T> workspace, CancellationToken cancellationToken, bool parallelRows = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = problem.Rows, m = problem.Columns;
        ReadOnlySpan<T> cost = problem.Cost.Span;
        T tiny = FloatLimits<T>.Tiny;

        T[] kArray = workspace.MatrixArray(n * m);
        T[] vArray = workspace.VectorsArray(3 * n + 4 * m);
        int blocks = (n + BlockRows - 1) / BlockRows;
        var iteration = new BlockIteration<T>(kArray, vArray, workspace.PartialsArray(blocks * m), n, m, tiny,
            parallelRows && blocks > 1 && (long)n * m >= ParallelThreshold ? options.MaxDegreeOfParallelism : 1);
        Span<T> k = kArray.AsSpan(0, n * m);
        Span<T> vectors = vArray.AsSpan(0, 3 * n + 4 * m);
        Span<T> a = vectors.Slice(0, n), u = vectors.Slice(n, n), rowTmp = vectors.Slice(2 * n, n);
        Span<T> b = vectors.Slice(3 * n, m), v = vectors.Slice(3 * n + m, m);
        Span<T> colTmp = vectors.Slice(3 * n + 3 * m, m);

        SinkhornMasses.Normalize(problem.RowMass.Span, a);
        SinkhornMasses.Normalize(problem.ColumnMass.Span, b);

        // K = max(exp(−C / max(ε, 1e-6)), tiny)
        T eps = T.CreateTruncating(Math.Max(options.Epsilon, 1e-6));
        TensorPrimitives.Divide(cost, -eps, k);
        TensorPrimitives.Exp(k, k);
        TensorPrimitives.Max(k, tiny, k);

        u.Fill(T.One);
        v.Fill(T.One);

        int iterations = 0;
        double error = double.NaN;
        while (iterations < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration.Run(cancellationToken);
            iterations++;
            if (options.Tolerance > 0 && iterations % options.CheckEvery == 0)
            {
                error = MarginalError(k, n, m, a, b, u, v, rowTmp, colTmp);
                if (error <= options.Tolerance) break;
            }
        }
        if (options.Tolerance == 0 || iterations % options.CheckEvery != 0 || double.IsNaN(error))
            error = MarginalError(k, n, m, a, b, u, v, rowTmp, colTmp);

        double[]? plan = options.ReturnPlan ? new double[n * m] : null;
        double w = TransportCost(k, cost, n, m, u, v, colTmp, plan);
        var logU = SinkhornMasses.ToDoubles<T>(u);
        var logV = SinkhornMasses.ToDoubles<T>(v);
        for (int i = 0; i < logU.Length; i++) logU[i] = Math.Log(logU[i]);
        for (int j = 0; j < logV.Length; j++) logV[j] = Math.Log(logV[j]);
        return new SinkhornResult(w, iterations, error, SinkhornMasses.IsConverged(w, error, options), logU, logV, plan);
    }

    /// <summary>NaN → 0, +∞ → huge (spec b.5 step 5).</summary>
    internal static T Guard<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(x) ? T.Zero : T.IsPositiveInfinity(x) ? FloatLimits<T>.Huge : x;

    /// <summary><c>‖u ⊙ K v − a‖₁ + ‖v ⊙ Kᵀ u − b‖₁</c>.</summary>
    private static double MarginalError<T>(ReadOnlySpan<T> k, int n, int m, ReadOnlySpan<T> a, ReadOnlySpan<T> b,
        ReadOnlySpan<T> u, ReadOnlySpan<T> v, Span<T> rowSums, Span<T> colSums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        colSums.Clear();
        for (int i = 0; i < n; i++)
        {
            var row = k.Slice(i * m, m);
            rowSums[i] = u[i] * TensorPrimitives.Dot(row, v);
            TensorPrimitives.MultiplyAdd(row, u[i], colSums, colSums);
        }
        TensorPrimitives.Multiply(colSums, v, colSums);
        return SinkhornMasses.L1Distance<T>(rowSums, a) + SinkhornMasses.L1Distance<T>(colSums, b);
    }

    /// <summary><c>W = Σ_ij T_ij C_ij</c> with <c>T = diag(u) K diag(v)</c>, non-finite entries of T counted as 0; fills the plan when given.</summary>
    private static double TransportCost<T>(ReadOnlySpan<T> k, ReadOnlySpan<T> cost, int n, int m,
        ReadOnlySpan<T> u, ReadOnlySpan<T> v, Span<T> rowPlan, double[]? plan)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double w = 0;
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.Multiply(k.Slice(i * m, m), v, rowPlan);
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
}
