using AnomSeer.OptimalTransport;

namespace AnomSeer.Training.Tests;

/// <summary>Wraps the CPU solver and counts the problems it is given.</summary>
internal sealed class CountingSolver : ISinkhornSolver
{
    public int Problems;

    public string Name => "counting";

    public SinkhornPrecisions SupportedPrecisions => CpuSinkhornSolver.Shared.SupportedPrecisions;

    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Problems, problems.Count);
        return CpuSinkhornSolver.Shared.SolveBatch(problems, options, cancellationToken);
    }

    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Problems, problems.Count);
        return CpuSinkhornSolver.Shared.SolveBatch(problems, options, cancellationToken);
    }
}
