using System.Numerics;
using AnomSeer.OptimalTransport.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnomSeer.OptimalTransport;

/// <summary>
/// The CPU Sinkhorn solver: float64 and float32, scaling and log-domain forms, vectorised with
/// System.Numerics.Tensors, batches solved in parallel across problems. Always available; the fallback of
/// every other <see cref="ISinkhornSolver"/>.
/// </summary>
/// <remarks>
/// Deterministic: a problem's result does not depend on the batch it is in or on the thread count. A batch
/// runs its problems in parallel; a single large problem of the scaling form splits its rows across threads
/// instead (the scaling form with one long-lived helper per extra thread for the whole solve, the log domain with
/// <c>Parallel.For</c>). Each thread keeps grown scratch buffers, so nothing is allocated per iteration (apart from what
/// <c>Parallel.For</c> itself allocates when a log-domain problem is split). A result that does not meet
/// the convergence criterion is flagged (<see cref="SinkhornResult.Converged"/>) and logged as a warning
/// through the optional logger.
/// </remarks>
public sealed class CpuSinkhornSolver : ISinkhornSolver
{
    private static readonly Action<ILogger, int, int, double, double, string, Exception?> s_notConverged =
        LoggerMessage.Define<int, int, double, double, string>(LogLevel.Warning, new EventId(1, "SinkhornNotConverged"),
            "Sinkhorn problem {Index} did not converge: {Iterations} iterations, marginal error {Error:G4}, epsilon {Epsilon} ({Method}).");

    private readonly ILogger _logger;

    /// <summary>Creates a solver.</summary>
    /// <param name="logger">Receives a warning for every problem that does not converge; none by default.</param>
    public CpuSinkhornSolver(ILogger<CpuSinkhornSolver>? logger = null) => _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>A shared instance without a logger.</summary>
    public static CpuSinkhornSolver Shared { get; } = new();

    /// <inheritdoc />
    public string Name => "cpu";

    /// <inheritdoc />
    public SinkhornPrecisions SupportedPrecisions => SinkhornPrecisions.Single | SinkhornPrecisions.Double;

    /// <summary>Solves one float64 problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Settings; <see cref="SinkhornOptions.Paper"/> when null.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <exception cref="ArgumentException">Invalid options or a negative / non-finite mass or cost.</exception>
    public SinkhornResult Solve(SinkhornProblem<double> problem, SinkhornOptions? options = null, CancellationToken cancellationToken = default) =>
        SolveOne(problem, options, cancellationToken);

    /// <summary>Solves one float32 problem (computed in float32, reported in float64).</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Settings; <see cref="SinkhornOptions.Paper"/> when null.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <exception cref="ArgumentException">Invalid options or a negative / non-finite mass or cost.</exception>
    public SinkhornResult Solve(SinkhornProblem<float> problem, SinkhornOptions? options = null, CancellationToken cancellationToken = default) =>
        SolveOne(problem, options, cancellationToken);

    /// <inheritdoc />
    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
        SolveMany(problems, options, cancellationToken);

    /// <inheritdoc />
    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
        SolveMany(problems, options, cancellationToken);

    private SinkhornResult SolveOne<T>(in SinkhornProblem<T> problem, SinkhornOptions? options, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= SinkhornOptions.Paper;
        options.Validate();
        SinkhornValidation.Validate(problem, nameof(problem), -1);
        var result = Run(problem, options, SinkhornWorkspace<T>.ForCurrentThread(), cancellationToken, parallelRows: true);
        Report(result, 0, options);
        return result;
    }

    private SinkhornResult[] SolveMany<T>(IReadOnlyList<SinkhornProblem<T>> problems, SinkhornOptions options, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        for (int p = 0; p < problems.Count; p++)
            SinkhornValidation.Validate(problems[p], nameof(problems), p);

        var results = new SinkhornResult[problems.Count];
        if (problems.Count <= 1 || options.MaxDegreeOfParallelism == 1)
        {
            var workspace = SinkhornWorkspace<T>.ForCurrentThread();
            for (int p = 0; p < results.Length; p++)
                results[p] = Run(problems[p], options, workspace, cancellationToken, parallelRows: results.Length == 1);
        }
        else
        {
            var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            Parallel.For(0, results.Length, parallel, p =>
                results[p] = Run(problems[p], options, SinkhornWorkspace<T>.ForCurrentThread(), cancellationToken));
        }
        for (int p = 0; p < results.Length; p++)
            Report(results[p], p, options);
        return results;
    }

    private static SinkhornResult Run<T>(in SinkhornProblem<T> problem, SinkhornOptions options, SinkhornWorkspace<T> workspace,
        CancellationToken cancellationToken, bool parallelRows = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (problem.IsEmpty)
            return SinkhornResult.Empty(problem.Rows, problem.Columns);
        return options.Method == SinkhornMethod.LogDomain
            ? LogDomainSinkhorn.Solve(problem, options, workspace, cancellationToken, parallelRows)
            : ScalingSinkhorn.Solve(problem, options, workspace, cancellationToken, parallelRows);
    }

    private void Report(SinkhornResult result, int index, SinkhornOptions options)
    {
        if (!result.Converged)
            s_notConverged(_logger, index, result.Iterations, result.MarginalError, options.Epsilon, options.Method.ToString(), null);
    }
}
