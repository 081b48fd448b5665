namespace AnomSeer.OptimalTransport;

/// <summary>
/// An entropic optimal-transport solver. Implemented on the CPU by <see cref="CpuSinkhornSolver"/> (float32
/// and float64, the reference) and on CUDA by <c>AnomSeer.OptimalTransport.Cuda</c> (float32); callers pick
/// one through a provider probe and can always fall back to <see cref="CpuSinkhornSolver.Shared"/>.
/// </summary>
/// <remarks>
/// Contract for every implementation: the semantics of <see cref="SinkhornOptions"/> and
/// <see cref="SinkhornResult"/>; problems of a batch may have different sizes; results come back in the
/// order of the problems; the result of a problem does not depend on the other problems of its batch;
/// invalid input throws <see cref="ArgumentException"/> before any work; a problem with an empty side
/// gives <c>W = 1.0</c>; the problems' buffers are only read during the call (callers may reuse or return
/// them to a pool afterwards); a precision not in <see cref="SupportedPrecisions"/> throws
/// <see cref="NotSupportedException"/>; cancellation throws <see cref="OperationCanceledException"/>.
/// </remarks>
public interface ISinkhornSolver
{
    /// <summary>A short name for logs and diagnostics ("cpu", "cuda:0", ...).</summary>
    string Name { get; }

    /// <summary>The element types this solver accepts.</summary>
    SinkhornPrecisions SupportedPrecisions { get; }

    /// <summary>Solves many float64 problems of possibly different sizes in one call.</summary>
    /// <param name="problems">The problems.</param>
    /// <param name="options">Solver settings (validated).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per problem, in order.</returns>
    SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default);

    /// <summary>Solves many float32 problems of possibly different sizes in one call.</summary>
    /// <param name="problems">The problems.</param>
    /// <param name="options">Solver settings (validated).</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per problem, in order.</returns>
    SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default);
}
