using ILGPU;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>Butterfly sums across the lanes of a warp.</summary>
internal static class WarpSum
{
    /// <summary>Every lane gets the sum of <paramref name="value"/> over the warp.</summary>
    public static float AllReduce(float value)
    {
        for (int laneMask = Warp.WarpSize / 2; laneMask > 0; laneMask >>= 1)
            value += Warp.ShuffleXor(value, laneMask);
        return value;
    }
}
