using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// Log-domain Sinkhorn: the scalings are kept as logarithms and each update is a log-sum-exp, so no
/// kernel entry underflows however small ε is.
/// </summary>
/// <remarks>
/// With <c>M = −C/ε</c> (kept row-major, plus its transpose so that both half-steps read contiguous rows):
/// <c>log u_i = log a_i − LSE_j(M_ij + log v_j)</c>, then <c>log v_j = log b_j − LSE_i(M_ij + log u_i)</c>.
/// Each log-sum-exp subtracts the row maximum before exponentiating. A single large problem splits its rows
/// across threads (<see cref="LogHalfStep{T}"/>); rows are independent, so the result is the same.
/// </remarks>
internal static class LogDomainSinkhorn
{
    public static SinkhornResult Solve<T>(in SinkhornProblem<T> problem, SinkhornOptions options,
        SinkhornWorkspace<T> workspace, CancellationToken cancellationToken, bool parallelRows = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = problem.Rows, m = problem.Columns;
        ReadOnlySpan<T> cost = problem.Cost.Span;

        T[] matArray = workspace.MatrixArray(n * m);
        T[] matTArray = workspace.TransposedArray(n * m);
        int longest = Math.Max(n, m);
        T[] vectorArray = workspace.VectorsArray(3 * n + 3 * m + longest);
        int degree = parallelRows && (long)n * m >= ScalingSinkhorn.ParallelThreshold ? options.MaxDegreeOfParallelism : 1;
        // Layout: a, logA, logU (n each), b, logB, logV (m each), scratch.
        var uStep = new LogHalfStep<T>(matArray, n, m, vectorArray, 3 * n + 2 * m, n, 2 * n, degree);
        var vStep = new LogHalfStep<T>(matTArray, m, n, vectorArray, 2 * n, 3 * n + m, 3 * n + 2 * m, degree);
        Span<T> mat = matArray.AsSpan(0, n * m);
        Span<T> matT = matTArray.AsSpan(0, n * m);
        Span<T> vectors = vectorArray.AsSpan(0, 3 * n + 3 * m + longest);
        Span<T> a = vectors.Slice(0, n), logA = vectors.Slice(n, n), logU = vectors.Slice(2 * n, n);
        Span<T> b = vectors.Slice(3 * n, m), logB = vectors.Slice(3 * n + m, m), logV = vectors.Slice(3 * n + 2 * m, m);
        Span<T> tmp = vectors.Slice(3 * n + 3 * m, longest);

        SinkhornMasses.Normalize(problem.RowMass.Span, a);
        SinkhornMasses.Normalize(problem.ColumnMass.Span, b);
        TensorPrimitives.Log(a, logA);
        TensorPrimitives.Log(b, logB);

        T eps = T.CreateTruncating(options.Epsilon);
        TensorPrimitives.Divide(cost, -eps, mat);
        Transpose(mat, n, m, matT);

        int iterations = 0;
        double error = double.NaN;
        while (iterations < options.MaxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            uStep.Run(cancellationToken);
            vStep.Run(cancellationToken);
            iterations++;
            if (options.Tolerance > 0 && iterations % options.CheckEvery == 0)
            {
                // The columns are exact after the v-update; the rows carry the violation.
                error = RowError(mat, n, m, logU, logV, a, tmp);
                if (error <= options.Tolerance) break;
            }
        }
        error = RowError(mat, n, m, logU, logV, a, tmp) + RowError(matT, m, n, logV, logU, b, tmp);

        double[]? plan = options.ReturnPlan ? new double[n * m] : null;
        double w = 0;
        for (int i = 0; i < n; i++)
        {
            var row = tmp.Slice(0, m);
            PlanRow(mat.Slice(i * m, m), logV, logU[i], row);
            w += double.CreateTruncating(TensorPrimitives.Dot(row, cost.Slice(i * m, m)));
            if (plan is not null)
                for (int j = 0; j < m; j++) plan[i * m + j] = double.CreateTruncating(row[j]);
        }
        return new SinkhornResult(w, iterations, error, SinkhornMasses.IsConverged(w, error, options),
            SinkhornMasses.ToDoubles<T>(logU), SinkhornMasses.ToDoubles<T>(logV), plan);
    }

    /// <summary>Row r of the plan: <c>exp(mat_r + other + self_r)</c>.</summary>
    private static void PlanRow<T>(ReadOnlySpan<T> matRow, ReadOnlySpan<T> other, T self, Span<T> row)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(matRow, other, row);
        TensorPrimitives.Add(row, self, row);
        TensorPrimitives.Exp(row, row);
    }

    /// <summary><c>Σ_r |Σ_c T_rc − mass_r|</c> for the plan seen row-wise through <paramref name="mat"/>.</summary>
    private static double RowError<T>(ReadOnlySpan<T> mat, int rows, int cols, ReadOnlySpan<T> self,
        ReadOnlySpan<T> other, ReadOnlySpan<T> mass, Span<T> tmp)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var row = tmp.Slice(0, cols);
        double error = 0;
        for (int r = 0; r < rows; r++)
        {
            PlanRow(mat.Slice(r * cols, cols), other, self[r], row);
            error += Math.Abs(double.CreateTruncating(TensorPrimitives.Sum<T>(row)) - double.CreateTruncating(mass[r]));
        }
        return error;
    }

    /// <summary>Blocked transpose of a rows × cols row-major matrix.</summary>
    internal static void Transpose<T>(ReadOnlySpan<T> source, int rows, int cols, Span<T> destination)
    {
        const int Block = 32;
        for (int i0 = 0; i0 < rows; i0 += Block)
        {
            int i1 = Math.Min(rows, i0 + Block);
            for (int j0 = 0; j0 < cols; j0 += Block)
            {
                int j1 = Math.Min(cols, j0 + Block);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        destination[j * rows + i] = source[i * cols + j];
            }
        }
    }
}
