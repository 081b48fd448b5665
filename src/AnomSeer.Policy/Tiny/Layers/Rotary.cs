using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>Rotary position embedding (RoPE) with per-row position ids, half-split rotation as in Llama/Qwen2.</summary>
internal static class Rotary
{
    /// <summary>cos and sin tables <c>[B, 1, T, hd]</c> for position ids <c>[B, T]</c>.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(Tensor positionIds, int headDim, double theta)
    {
        using var scope = NewDisposeScope();
        // Inverse frequencies theta^(-2i/hd), computed here rather than by tensor ops with number arguments (see ExplicitScalars).
        var invValues = new double[headDim / 2];
        for (int i = 0; i < invValues.Length; i++) invValues[i] = 1.0 / Math.Pow(theta, 2.0 * i / headDim);
        var inv = tensor(invValues, device: positionIds.device);
        var freqs = positionIds.to(float64).unsqueeze(-1) * inv;
        var emb = cat([freqs, freqs], -1);
        var c = emb.cos().to(float32).unsqueeze(1);
        var s = emb.sin().to(float32).unsqueeze(1);
        return (c.MoveToOuterDisposeScope(), s.MoveToOuterDisposeScope());
    }

    /// <summary>Rotates <c>x [B, H, T, hd]</c>.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        long half = x.shape[^1] / 2;
        var x1 = x[.., .., .., ..(int)half];
        var x2 = x[.., .., .., (int)half..];
        var rotated = cat([-x2, x1], -1);
        return (x * cos + rotated * sin).MoveToOuterDisposeScope();
    }
}
