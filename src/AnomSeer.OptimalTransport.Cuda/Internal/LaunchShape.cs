using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>The group sizes a solver launches with on one accelerator.</summary>
internal readonly record struct LaunchShape(int GroupSize, int WarpSize, int TileSide)
{
    /// <summary>Fits the requested group size to the accelerator: a power of two, at least a warp, at most its limit.</summary>
    public static LaunchShape For(Accelerator accelerator, CudaSinkhornSolverOptions options)
    {
        int warp = accelerator.WarpSize;
        int limit = Math.Min(accelerator.MaxNumThreadsPerGroup, Kernels.SinkhornKernels.MaxGroupSize);
        int group = Math.Min(options.ThreadsPerGroup, limit);
        group = Math.Max(warp, 1 << (31 - int.LeadingZeroCount(group)));
        if (group > limit || (warp & (warp - 1)) != 0)
            throw new NotSupportedException($"Accelerator '{accelerator.Name}' has warp size {warp} and at most {accelerator.MaxNumThreadsPerGroup} threads per group; a power-of-two warp that fits a group is required.");
        int side = 1;
        while ((side * 2) * (side * 2) <= group && side * 2 <= Kernels.CosineCostKernel.MaxTileSide) side *= 2;
        return new LaunchShape(group, warp, side);
    }

    /// <summary>Warps in a group.</summary>
    public int WarpsPerGroup => GroupSize / WarpSize;

    /// <summary>One warp per item (row or token).</summary>
    public KernelConfig PerWarp(long items) => new((int)((items + WarpsPerGroup - 1) / WarpsPerGroup), GroupSize);

    /// <summary>One group per item (column block or problem).</summary>
    public KernelConfig PerGroup(int items) => new(items, GroupSize);

    /// <summary>One square group per cost tile.</summary>
    public KernelConfig PerTile(int tiles) => new(tiles, TileSide * TileSide);

    /// <summary>Rows and columns of one cost tile.</summary>
    public int TileExtent => TileSide * Kernels.CosineCostKernel.Block;
}
