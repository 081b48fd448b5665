namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>
/// The whole OT step of spec b.5 steps 3–5 for a batch: from the two hidden-state matrices of each response to
/// its transport cost W (cosine cost, token masses, Sinkhorn). Implemented on the GPU by
/// <c>CudaSinkhornSolver</c> (package AnomSeer.OptimalTransport.Cuda) (nothing but W and the potentials leaves the device) and on the CPU by
/// <see cref="CpuHiddenStateTransport"/>, so a trainer can use either through the provider probe.
/// </summary>
/// <remarks>Proposed for <c>AnomSeer.OptimalTransport</c>; lives here until that package adopts it.</remarks>
public interface IHiddenStateTransport
{
    /// <summary>A short name for logs ("cpu", "cuda:0", ...).</summary>
    string Name { get; }

    /// <summary>Solves one OT problem per pair.</summary>
    /// <param name="pairs">Response and reference hidden states; every matrix of the batch has the same dimension.</param>
    /// <param name="options">Settings; <see cref="HiddenStateTransportOptions.Paper"/> when null.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per pair, in order; <see cref="SinkhornResult.Cost"/> is W (1.0 for an empty side).</returns>
    /// <exception cref="ArgumentException">Different dimensions within the batch, or non-finite hidden states; the message names the pair.</exception>
    SinkhornResult[] SolveHiddenStates(IReadOnlyList<HiddenStatePair> pairs, HiddenStateTransportOptions? options = null, CancellationToken cancellationToken = default);
}
