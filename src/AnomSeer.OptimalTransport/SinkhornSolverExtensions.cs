namespace AnomSeer.OptimalTransport;

/// <summary>Single-problem conveniences over any <see cref="ISinkhornSolver"/>.</summary>
public static class SinkhornSolverExtensions
{
    /// <summary>Solves one float64 problem through <see cref="ISinkhornSolver.SolveBatch(IReadOnlyList{SinkhornProblem{double}}, SinkhornOptions, CancellationToken)"/>.</summary>
    /// <param name="solver">The solver.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Settings; <see cref="SinkhornOptions.Paper"/> when null.</param>
    /// <param name="cancellationToken">Cancels the solve.</param>
    public static SinkhornResult Solve(this ISinkhornSolver solver, SinkhornProblem<double> problem, SinkhornOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return solver.SolveBatch([problem], options ?? SinkhornOptions.Paper, cancellationToken)[0];
    }

    /// <summary>Solves one float32 problem through <see cref="ISinkhornSolver.SolveBatch(IReadOnlyList{SinkhornProblem{float}}, SinkhornOptions, CancellationToken)"/>.</summary>
    /// <param name="solver">The solver.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Settings; <see cref="SinkhornOptions.Paper"/> when null.</param>
    /// <param name="cancellationToken">Cancels the solve.</param>
    public static SinkhornResult Solve(this ISinkhornSolver solver, SinkhornProblem<float> problem, SinkhornOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        return solver.SolveBatch([problem], options ?? SinkhornOptions.Paper, cancellationToken)[0];
    }
}
