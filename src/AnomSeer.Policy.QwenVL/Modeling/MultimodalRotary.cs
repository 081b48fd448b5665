using AnomSeer.Policy.QwenVL.Configuration;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// M-RoPE of the decoder (spec §6.2, §6.3): per axis, <c>pos_a · inv_freq</c> with <c>inv_freq_i = 1 / θ^(2i/d)</c>;
/// frequency i takes the temporal axis for i &lt; s₀, height for s₀ ≤ i &lt; s₀+s₁, width after; the angles are
/// duplicated to d values; cos and sin are computed in float32 and cast to the activation dtype.
/// </summary>
internal static class MultimodalRotary
{
    /// <param name="positions"><c>(3, B, L)</c> int64.</param>
    /// <param name="config">The text configuration.</param>
    /// <param name="dtype">The activation dtype.</param>
    /// <returns>cos and sin <c>(B, L, head_dim)</c>.</returns>
    public static (Tensor Cos, Tensor Sin) CosSin(Tensor positions, QwenVLTextConfig config, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        int d = config.HeadDim;
        var invFreq = 1.0 / pow(config.RopeTheta, arange(0, d, 2, dtype: int64).to(float32) / d);
        invFreq = invFreq.to(positions.device);
        var pieces = new List<Tensor>(3);
        int start = 0;
        for (int axis = 0; axis < 3; axis++)
        {
            int len = config.MropeSection[axis];
            if (len == 0) continue;
            var freq = invFreq[start..(start + len)];
            pieces.Add(positions[axis].to(float32).unsqueeze(-1) * freq);
            start += len;
        }
        var angles = cat(pieces, -1);
        var emb = cat([angles, angles], -1);
        var cos = emb.cos().to(dtype);
        var sin = emb.sin().to(dtype);
        return (cos.MoveToOuterDisposeScope(), sin.MoveToOuterDisposeScope());
    }
}
