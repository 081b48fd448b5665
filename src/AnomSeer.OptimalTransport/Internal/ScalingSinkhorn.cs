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
        T tiny = FloatLimits<T>.Tiny;

        T[] kArray = workspace.MatrixArray(n * m);
        T[] vArray = workspace.VectorsArray(3 * n + 4 * m);
        int blocks = (n + BlockRows - 1) / BlockRows;
        using var iteration = new BlockIteration<T>(kArray, vArray, workspace.PartialsArray(blocks * m), n, m, tiny,
            parallelRows && blocks > 1 && (long)n * m >= ParallelThreshold ? options.MaxDegreeOfParallelism : 1);
        Span<T> vectors = vArray.AsSpan(0, 3 * n + 4 * m);
        Span<T> a = vectors.Slice(0, n), u = vectors.Slice(n, n);
        Span<T> b = vectors.Slice(3 * n, m), v = vectors.Slice(3 * n + m, m);

        SinkhornMasses.Normalize(problem.RowMass.Span, a);
        SinkhornMasses.Normalize(problem.ColumnMass.Span, b);

        // K = max(exp(−C / max(ε, 1e-6)), tiny)
        iteration.BuildKernel(problem.Cost, T.CreateTruncating(Math.Max(options.Epsilon, 1e-6)));

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
