namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Settings of <see cref="SinkhornProviderProbe.Select(SinkhornProviderOptions?, Microsoft.Extensions.Logging.ILoggerFactory?)"/>.</summary>
public sealed record SinkhornProviderOptions
{
    /// <summary>The requested provider when the environment variable is unset. Default <see cref="SinkhornProvider.Auto"/>.</summary>
    public SinkhornProvider Provider { get; init; } = SinkhornProvider.Auto;

    /// <summary>The CUDA device to open. Default 0.</summary>
    public int DeviceIndex { get; init; }

    /// <summary>Launch settings of the CUDA solver. Default <see cref="CudaSinkhornSolverOptions.Default"/>.</summary>
    public CudaSinkhornSolverOptions Cuda { get; init; } = CudaSinkhornSolverOptions.Default;

    /// <summary>Whether <c>ANOMSEER_SINKHORN</c> overrides <see cref="Provider"/>. Default true.</summary>
    public bool HonourEnvironmentVariable { get; init; } = true;
}
