using AnomSeer.OptimalTransport;

namespace AnomSeer.Training.Tests;

/// <summary>Wraps the CPU solver and counts the problems it is given.</summary>
internal sealed class CountingSolver(SinkhornPrecisions precisions = SinkhornPrecisions.Single | SinkhornPrecisions.Double) : ISinkhornSolver
{
    public int Problems;
    public int SinglePrecisionProblems;

    public string Name => "counting";

    public SinkhornPrecisions SupportedPrecisions => precisions;

    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Problems, problems.Count);
        return CpuSinkhornSolver.Shared.SolveBatch(problems, options, cancellationToken);
    }

    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Problems, problems.Count);
        Interlocked.Add(ref SinglePrecisionProblems, problems.Count);
        return CpuSinkhornSolver.Shared.SolveBatch(problems, options, cancellationToken);
    }
}
