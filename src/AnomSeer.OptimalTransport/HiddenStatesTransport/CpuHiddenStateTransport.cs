namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>
/// The CPU implementation of <see cref="IHiddenStateTransport"/>: <see cref="CosineCost"/>, <see cref="TokenMass"/>
/// and a <see cref="CpuSinkhornSolver"/>, all in float64. The reference the GPU path is tested against.
/// </summary>
public sealed class CpuHiddenStateTransport : IHiddenStateTransport
{
    private readonly CpuSinkhornSolver _solver;

    /// <summary>Creates the transport over a CPU solver.</summary>
    /// <param name="solver">The solver; <see cref="CpuSinkhornSolver.Shared"/> when null.</param>
    public CpuHiddenStateTransport(CpuSinkhornSolver? solver = null) => _solver = solver ?? CpuSinkhornSolver.Shared;

    /// <summary>A shared instance over <see cref="CpuSinkhornSolver.Shared"/>.</summary>
    public static CpuHiddenStateTransport Shared { get; } = new();

    /// <inheritdoc />
    public string Name => _solver.Name;

    /// <inheritdoc />
    public SinkhornResult[] SolveHiddenStates(IReadOnlyList<HiddenStatePair> pairs, HiddenStateTransportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= HiddenStateTransportOptions.Paper;
        options.Validate();
        HiddenStateValidation.Validate(pairs, nameof(pairs));
        if (options.Sinkhorn.Method == SinkhornMethod.Scaling)
        {
            // Each pair's cost matrix and K computed right before its solve, on the same thread (same results).
            var responses = new HiddenStates[pairs.Count];
            var references = new HiddenStates[pairs.Count];
            for (int p = 0; p < pairs.Count; p++) (responses[p], references[p]) = (pairs[p].Response, pairs[p].Reference);
            return _solver.SolveCosineBatch<double>(responses, references, 0, pairs.Count, options.Masses, options.Sinkhorn, cancellationToken);
        }
        var problems = new SinkhornProblem<double>[pairs.Count];
        for (int p = 0; p < pairs.Count; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (x, y) = (pairs[p].Response, pairs[p].Reference);
            var a = new double[x.Rows];
            var b = new double[y.Rows];
            TokenMass.Compute(options.Masses, x, a);
            TokenMass.Compute(options.Masses, y, b);
            problems[p] = new SinkhornProblem<double>(CosineCost.Compute(x, y), x.Rows, y.Rows, a, b);
        }
        return _solver.SolveBatch(problems, options.Sinkhorn, cancellationToken);
    }
}
