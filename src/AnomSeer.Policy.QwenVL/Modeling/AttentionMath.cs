using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>Scaled dot-product attention as HF's eager path computes it, and the rotary helpers.</summary>
internal static class AttentionMath
{
    /// <summary>
    /// <c>softmax(q kᵀ / √d + mask) v</c>: scores in the activation dtype, mask added and softmax taken in float32, the
    /// probabilities cast back (spec §4.4, §6.1).
    /// </summary>
    /// <param name="q"><c>[..., Lq, d]</c>.</param>
    /// <param name="k"><c>[..., Lk, d]</c>.</param>
    /// <param name="v"><c>[..., Lk, d]</c>.</param>
    /// <param name="additiveMask">Broadcastable to <c>[..., Lq, Lk]</c>, float32, 0 where allowed; or null.</param>
    public static Tensor Attend(Tensor q, Tensor k, Tensor v, Tensor? additiveMask)
    {
        using var scope = NewDisposeScope();
        double scale = 1.0 / Math.Sqrt(q.shape[^1]);
        var scores = matmul(q, k.transpose(-2, -1)) * scale;
        var s32 = scores.to(float32);
        if (additiveMask is not null) s32 = s32 + additiveMask;
        var probs = softmax(s32, -1).to(q.dtype);
        return matmul(probs, v).MoveToOuterDisposeScope();
    }

    /// <summary><c>concat(−x[d/2:], x[:d/2])</c> over the last dimension.</summary>
    public static Tensor RotateHalf(Tensor x)
    {
        long half = x.shape[^1] / 2;
        return cat([-x[TensorIndex.Ellipsis, TensorIndex.Slice(half)], x[TensorIndex.Ellipsis, TensorIndex.Slice(0, half)]], -1);
    }

    /// <summary><c>x·cos + rotate_half(x)·sin</c>.</summary>
    public static Tensor ApplyRotary(Tensor x, Tensor cos, Tensor sin) => x * cos + RotateHalf(x) * sin;
}
