using ILGPU.Runtime.CPU;

namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>
/// One solver on ILGPU's CPU accelerator shared by the test classes (kernels compile once). The simulated
/// device has warps of 4 lanes and 2 warps per group (8 threads, a 2 × 2 cost-kernel group): small enough to
/// keep the simulator's thread synchronisation cheap, large enough to exercise a two-step butterfly shuffle,
/// several warps per group, several row slices per column block and 4 × 4 register blocks per thread.
/// </summary>
public sealed class CpuAcceleratorFixture : IDisposable
{
    /// <summary>The simulated device of <see cref="Solver"/>.</summary>
    public static CPUDevice SmallDevice { get; } = new(numThreadsPerWarp: 4, numWarpsPerMultiprocessor: 2, numMultiprocessors: 1);

    public CudaSinkhornSolver Solver { get; } = CudaSinkhornSolver.CreateCpuAccelerator(SmallDevice);

    public void Dispose() => Solver.Dispose();
}

[CollectionDefinition("ilgpu-cpu")]
public sealed class CpuAcceleratorCollection : ICollectionFixture<CpuAcceleratorFixture>;
