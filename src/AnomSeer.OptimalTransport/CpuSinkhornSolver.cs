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
        SinkhornResult result;
        if (options.Method == SinkhornMethod.Scaling && !problem.IsEmpty)
        {
            // The scaling form checks the cost in the same pass that builds K (one read of C instead of three).
            SinkhornValidation.ValidateMasses(problem, nameof(problem), -1);
            result = ScalingSinkhorn.Solve(problem, options, SinkhornWorkspace<T>.ForCurrentThread(), cancellationToken, parallelRows: true,
                costParamName: nameof(problem));
        }
        else
        {
            SinkhornValidation.Validate(problem, nameof(problem), -1);
            result = Run(problem, options, SinkhornWorkspace<T>.ForCurrentThread(), cancellationToken, parallelRows: true);
        }
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

    /// <summary>
    /// Solves the cosine-cost problems of <c>responses[start .. start + count − 1]</c> against their references with
    /// the scaling form, each response's cost matrix and K computed right before its own solve on the same thread
    /// (cache-resident; no cost matrix leaves the thread). Each distinct reference (same buffer and shape) is
    /// normalised and packed once. The results equal building the cost matrices and masses with <see cref="CosineCost"/>
    /// and <see cref="TokenMass"/> and calling <see cref="SolveBatch(IReadOnlyList{SinkhornProblem{double}}, SinkhornOptions, CancellationToken)"/>.
    /// The hidden states must already be checked (finite, matching dimensions).
    /// </summary>
    internal SinkhornResult[] SolveCosineBatch<T>(IReadOnlyList<HiddenStates> responses, IReadOnlyList<HiddenStates> references,
        int start, int count, TokenMassKind massKind, SinkhornOptions options, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Method != SinkhornMethod.Scaling)
            throw new ArgumentException("The fused cosine path solves the scaling form only.", nameof(options));

        // One prepared copy per distinct reference, made by the first thread that needs it.
        var owner = new int[count];
        var seen = new Dictionary<(ReadOnlyMemory<float>, int, int), int>();
        for (int q = 0; q < count; q++)
        {
            var y = references[start + q];
            if (!seen.TryGetValue((y.Values, y.Rows, y.Dimension), out owner[q]))
                seen[(y.Values, y.Rows, y.Dimension)] = owner[q] = q;
        }
        var prepared = new Lazy<TokenPanels>?[count];
        for (int q = 0; q < count; q++)
        {
            if (owner[q] != q) continue;
            var y = references[start + q];
            prepared[q] = new Lazy<TokenPanels>(() => TokenPanels.Create(y, normalize: true, pack: true), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        var results = new SinkhornResult[count];
        try
        {
            if (count <= 1 || options.MaxDegreeOfParallelism == 1)
            {
                for (int q = 0; q < count; q++)
                    results[q] = SolveCosineOne<T>(responses[start + q], prepared[owner[q]]!.Value, massKind, options, cancellationToken, parallelRows: count == 1);
            }
            else
            {
                var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
                Parallel.For(0, count, parallel, q =>
                    results[q] = SolveCosineOne<T>(responses[start + q], prepared[owner[q]]!.Value, massKind, options, cancellationToken, parallelRows: false));
            }
        }
        finally
        {
            foreach (var lazy in prepared)
                if (lazy is { IsValueCreated: true }) lazy.Value.Dispose();
        }
        for (int q = 0; q < count; q++)
            Report(results[q], q, options);
        return results;
    }

    private static SinkhornResult SolveCosineOne<T>(HiddenStates x, TokenPanels y, TokenMassKind massKind, SinkhornOptions options,
        CancellationToken cancellationToken, bool parallelRows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rows == 0 || y.Rows == 0)
            return SinkhornResult.Empty(x.Rows, y.Rows);
        using var xs = TokenPanels.Create(x, normalize: true, pack: false);
        return ScalingSinkhorn.SolveCosine(xs, y, massKind, options, SinkhornWorkspace<T>.ForCurrentThread(), cancellationToken, parallelRows);
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
