using ILGPU;
using ILGPU.Algorithms;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>Per-token norms and the token masses (spec b.5 step 3), on the device.</summary>
internal static class TokenKernels
{
    /// <summary>The mass floor of spec b.5 step 5 (<c>clamp(r, 1e-12)</c>).</summary>
    public const float MassFloor = 1e-12f;

    /// <summary>‖h_t‖₂ for every token, one warp per token. Grid: ceil(tokens / warps per group).</summary>
    public static void Norms(ArrayView<float> tokens, ArrayView<float> norms, int count, int dimension)
    {
        int warpsPerGroup = Group.DimX / Warp.WarpSize;
        int token = Grid.IdxX * warpsPerGroup + Group.IdxX / Warp.WarpSize;
        if (token >= count) return;
        long start = (long)token * dimension;
        float sum = 0f;
        for (int k = Warp.LaneIdx; k < dimension; k += Warp.WarpSize)
        {
            float x = tokens[start + k];
            sum += x * x;
        }
        sum = WarpSum.AllReduce(sum);
        if (Warp.IsFirstLane) norms[token] = XMath.Sqrt(sum);
    }

    /// <summary>
    /// One group per segment (a problem's rows or its columns): <c>p = softmax(‖h‖)</c> (or <c>1/T</c> when
    /// <paramref name="uniform"/> is 1), then the solver's normalisation <c>p ← max(p, 1e-12) / Σ max(p, 1e-12)</c>,
    /// writing p and log p. Grid: one group per problem.
    /// </summary>
    public static void Masses(ArrayView<float> norms, ArrayView<int> offsets, ArrayView<int> lengths,
        ArrayView<float> mass, ArrayView<float> logMass, int uniform)
    {
        var scratch = SharedMemory.Allocate<float>(SinkhornKernels.MaxGroupSize);
        int p = Grid.IdxX;
        int offset = offsets[p], length = lengths[p];
        int t = Group.IdxX, stride = Group.DimX;

        float max = float.NegativeInfinity;
        for (int i = t; i < length; i += stride) max = XMath.Max(max, norms[offset + i]);
        max = GroupReduce.Max(max, scratch);

        float sum = 0f;
        for (int i = t; i < length; i += stride)
            sum += uniform != 0 ? 1f : XMath.Exp(norms[offset + i] - max);
        sum = GroupReduce.Sum(sum, scratch);

        float floored = 0f;
        for (int i = t; i < length; i += stride)
        {
            float value = uniform != 0 ? 1f / length : XMath.Exp(norms[offset + i] - max) / sum;
            value = XMath.Max(value, MassFloor);
            mass[offset + i] = value;
            floored += value;
        }
        floored = GroupReduce.Sum(floored, scratch);

        for (int i = t; i < length; i += stride)
        {
            float value = mass[offset + i] / floored;
            mass[offset + i] = value;
            logMass[offset + i] = XMath.Log(value);
        }
    }
}
