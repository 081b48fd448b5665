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

    /// <summary>Solves one problem with the scaling form.</summary>
    /// <param name="problem">The problem; masses already checked.</param>
    /// <param name="options">Settings.</param>
    /// <param name="workspace">The calling thread's buffers.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <param name="parallelRows">Whether the rows may be split across threads (a lone problem).</param>
    /// <param name="costParamName">
    /// When not null, the cost has not been checked yet: it is checked while K is built (one pass instead of two) and an
    /// invalid one throws the <see cref="ArgumentException"/> of <see cref="SinkhornValidation"/> naming this parameter.
    /// </param>
    public static SinkhornResult Solve<T>(in SinkhornProblem<T> problem, SinkhornOptions options,
        SinkhornWorkspace<T> workspace, CancellationToken cancellationToken, bool parallelRows = false, string? costParamName = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = problem.Rows, m = problem.Columns;
        var layout = new ScalingVectors(n, m);
        var vectors = workspace.VectorsMemory(layout.Length);
        using var iteration = CreateIteration(n, m, options, workspace, vectors, parallelRows);
        SinkhornMasses.Normalize(problem.RowMass.Span, vectors.Span.Slice(layout.A, n));
        SinkhornMasses.Normalize(problem.ColumnMass.Span, vectors.Span.Slice(layout.B, m));

        // K = max(exp(−C / max(ε, 1e-6)), tiny)
        if (!iteration.BuildKernel(problem.Cost, KernelEpsilon<T>(options)) && costParamName is not null)
            SinkhornValidation.ThrowInvalidCost(problem.Cost.Span, costParamName, -1);
        return Iterate(iteration, vectors.Span, layout, options, cancellationToken);
    }

    /// <summary>
    /// The cosine-cost problem of two token sets (spec b.5 steps 3–5) with the cost matrix and K computed right here,
    /// block of rows by block of rows while the products are in cache, on the calling thread, then solved. The cost
    /// matrix, masses and K are exactly those of <see cref="CosineCost"/>, <see cref="TokenMass"/> and
    /// <see cref="Solve{T}"/>, so the result is that of building the <see cref="SinkhornProblem{T}"/> and solving it.
    /// </summary>
    /// <param name="x">The response's tokens (rows), prepared and normalised.</param>
    /// <param name="y">The reference's tokens (columns), prepared, normalised and packed.</param>
    /// <param name="massKind">How token masses are made from the tokens.</param>
    /// <param name="options">Sinkhorn settings (scaling form).</param>
    /// <param name="workspace">The calling thread's buffers.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <param name="parallelRows">Whether the iterations may split rows across threads (a lone problem).</param>
    public static SinkhornResult SolveCosine<T>(TokenPanels x, TokenPanels y, TokenMassKind massKind, SinkhornOptions options,
        SinkhornWorkspace<T> workspace, CancellationToken cancellationToken, bool parallelRows = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Rows, m = y.Rows;
        if (n == 0 || m == 0)
            return SinkhornResult.Empty(n, m);
        var layout = new ScalingVectors(n, m);
        var vectors = workspace.VectorsMemory(layout.Length);
        using var iteration = CreateIteration(n, m, options, workspace, vectors, parallelRows);
        Masses(massKind, x.Norms, vectors.Span.Slice(layout.A, n));
        Masses(massKind, y.Norms, vectors.Span.Slice(layout.B, m));

        var cost = workspace.CostMemory(n * m);
        var sink = new CostAndKernelSink<T>(cost.Span, workspace.MatrixMemory(n * m).Span, x.Norms, y.Norms, -KernelEpsilon<T>(options), FloatLimits<T>.Tiny);
        PairwiseKernel.Products(x, y, ref sink);
        iteration.UseBuiltKernel(cost);
        return Iterate(iteration, vectors.Span, layout, options, cancellationToken);
    }

    /// <summary>The masses as the batch path makes them (float64 token masses, then in T), normalised as in <see cref="Solve{T}"/>.</summary>
    private static void Masses<T>(TokenMassKind kind, ReadOnlySpan<float> norms, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            TokenMass.Compute(kind, norms, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(destination));
        }
        else
        {
            double[] scratch = System.Buffers.ArrayPool<double>.Shared.Rent(norms.Length);
            TokenMass.Compute(kind, norms, scratch);
            for (int t = 0; t < norms.Length; t++) destination[t] = T.CreateTruncating(scratch[t]);
            System.Buffers.ArrayPool<double>.Shared.Return(scratch);
        }
        SinkhornMasses.Normalize<T>(destination, destination);
    }

    /// <summary>Finishes each block of products into cost rows (<c>max(0, 1 − dot)</c>) and their K rows, while in cache.</summary>
    private ref struct CostAndKernelSink<T>(Span<T> cost, Span<T> k, ReadOnlySpan<float> normsX, ReadOnlySpan<float> normsY, T negEps, T tiny)
        : PairwiseKernel.IRowSink
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Span<T> _cost = cost, _k = k;
        private readonly ReadOnlySpan<float> _normsX = normsX, _normsY = normsY;

        public readonly void Rows(int first, int count, ReadOnlySpan<float> dots)
        {
            int m = _normsY.Length;
            for (int r = 0; r < count; r++)
            {
                int i = first + r;
                var costRow = _cost.Slice(i * m, m);
                if (typeof(T) == typeof(double))
                    PairwiseKernel.CosineDouble.Row(dots.Slice(r * m, m), _normsX[i], _normsY, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(costRow));
                else
                    PairwiseKernel.CosineSingle.Row(dots.Slice(r * m, m), _normsX[i], _normsY, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(costRow));
                _ = BlockPasses.KernelRow<T>(costRow, _k.Slice(i * m, m), negEps, tiny);   // costs made here are valid
            }
        }
    }

    private static T KernelEpsilon<T>(SinkhornOptions options) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(Math.Max(options.Epsilon, 1e-6));

    private static BlockIteration<T> CreateIteration<T>(int n, int m, SinkhornOptions options, SinkhornWorkspace<T> workspace,
        Memory<T> vectors, bool parallelRows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int blocks = (n + BlockRows - 1) / BlockRows;
        return new BlockIteration<T>(workspace.MatrixMemory(n * m), vectors, workspace.PartialsMemory(blocks * m), n, m, FloatLimits<T>.Tiny,
            parallelRows && blocks > 1 && (long)n * m >= ParallelThreshold ? options.MaxDegreeOfParallelism : 1);
    }

    /// <summary>The iterations from u = v = 1 on a built K, then the final error, cost and potentials.</summary>
    private static SinkhornResult Iterate<T>(BlockIteration<T> iteration, Span<T> vectors, ScalingVectors layout, SinkhornOptions options,
        CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = layout.N, m = layout.M;
        Span<T> u = vectors.Slice(layout.U, n), v = vectors.Slice(layout.V, m);
        u.Fill(T.One);
        v.Fill(T.One);

        int iterations = 0;
        double error = double.NaN;
        while (iterations < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iteration.Run();
            iterations++;
            if (options.Tolerance > 0 && iterations % options.CheckEvery == 0)
            {
                error = iteration.Diagnose(withCost: false, plan: null).Error;
                if (error <= options.Tolerance) break;
            }
        }
        double[]? plan = options.ReturnPlan ? new double[n * m] : null;
        var (finalError, w) = iteration.Diagnose(withCost: true, plan);
        if (options.Tolerance == 0 || iterations % options.CheckEvery != 0 || double.IsNaN(error))
            error = finalError;
        var logU = SinkhornMasses.ToDoubles<T>(u);
        var logV = SinkhornMasses.ToDoubles<T>(v);
        for (int i = 0; i < logU.Length; i++) logU[i] = Math.Log(logU[i]);
        for (int j = 0; j < logV.Length; j++) logV[j] = Math.Log(logV[j]);
        return new SinkhornResult(w, iterations, error, SinkhornMasses.IsConverged(w, error, options), logU, logV, plan);
    }

    /// <summary>NaN → 0, +∞ → huge (spec b.5 step 5).</summary>
    internal static T Guard<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(x) ? T.Zero : T.IsPositiveInfinity(x) ? FloatLimits<T>.Huge : x;
}
