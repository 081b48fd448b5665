namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Launch settings of a <see cref="CudaSinkhornSolver"/>; the defaults suit NVIDIA GPUs from Volta to Hopper.</summary>
public sealed record CudaSinkhornSolverOptions
{
    /// <summary>The default values.</summary>
    public static class Defaults
    {
        /// <summary>256 threads per group: 8 warps, enough to hide memory latency, small enough for many resident groups (library choice).</summary>
        public const int ThreadsPerGroup = 256;
    }

    /// <summary>The default options.</summary>
    public static CudaSinkhornSolverOptions Default { get; } = new();

    /// <summary>
    /// Threads per group for every kernel, a power of two of at least one warp. It is capped by the accelerator's
    /// limit (16 on ILGPU's default CPU accelerator) and rounded down to a power of two. The cost kernel uses the
    /// largest square group that fits (16 × 16 by default). Default <see cref="Defaults.ThreadsPerGroup"/>.
    /// </summary>
    public int ThreadsPerGroup { get; init; } = Defaults.ThreadsPerGroup;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the parameter name is the property's.</exception>
    public void Validate()
    {
        if (ThreadsPerGroup < 1 || ThreadsPerGroup > 1024 || (ThreadsPerGroup & (ThreadsPerGroup - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(ThreadsPerGroup), ThreadsPerGroup, "ThreadsPerGroup must be a power of two between 1 and 1024.");
    }
}
