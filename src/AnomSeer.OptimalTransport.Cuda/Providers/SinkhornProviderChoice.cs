namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>The outcome of a provider probe: the solver to use and why. Dispose it to release the GPU.</summary>
public sealed class SinkhornProviderChoice : IDisposable
{
    private readonly CudaSinkhornSolver? _cuda;

    internal SinkhornProviderChoice(SinkhornProvider requested, CudaSinkhornSolver? cuda, string reason)
    {
        Requested = requested;
        _cuda = cuda;
        Reason = reason;
        Solver = (ISinkhornSolver?)cuda ?? CpuSinkhornSolver.Shared;
        Transport = (IHiddenStateTransport?)cuda ?? CpuHiddenStateTransport.Shared;
    }

    /// <summary>What was asked for (after the environment variable was applied).</summary>
    public SinkhornProvider Requested { get; }

    /// <summary>What is used: <see cref="SinkhornProvider.Cuda"/> or <see cref="SinkhornProvider.Cpu"/>.</summary>
    public SinkhornProvider Provider => _cuda is null ? SinkhornProvider.Cpu : SinkhornProvider.Cuda;

    /// <summary>The solver for cost-matrix problems.</summary>
    public ISinkhornSolver Solver { get; }

    /// <summary>The fused hidden-states → W computation on the same provider.</summary>
    public IHiddenStateTransport Transport { get; }

    /// <summary>A sentence saying why this provider was chosen (also logged).</summary>
    public string Reason { get; }

    /// <summary>Releases the CUDA solver, if one was opened.</summary>
    public void Dispose() => _cuda?.Dispose();
}
