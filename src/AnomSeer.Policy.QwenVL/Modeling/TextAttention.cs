using AnomSeer.Policy.QwenVL.Configuration;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// Qwen2 grouped-query self-attention (spec §6.1): q/k/v with bias, o without; M-RoPE on q and k; the rotated keys
/// and the values go to the cache; each key/value head serves heads / kv_heads query heads.
/// </summary>
internal sealed class TextAttention : nn.Module
{
    private readonly LoraLinear q_proj;
    private readonly LoraLinear k_proj;
    private readonly LoraLinear v_proj;
    private readonly LoraLinear o_proj;
    private readonly int _heads;
    private readonly int _kvHeads;
    private readonly int _headDim;

    public TextAttention(string name, QwenVLTextConfig c, ScalarType dtype, Device device) : base(name)
    {
        _heads = c.NumAttentionHeads;
        _kvHeads = c.NumKeyValueHeads;
        _headDim = c.HeadDim;
        q_proj = new LoraLinear("q_proj", c.HiddenSize, _heads * _headDim, true, dtype, device);
        k_proj = new LoraLinear("k_proj", c.HiddenSize, _kvHeads * _headDim, true, dtype, device);
        v_proj = new LoraLinear("v_proj", c.HiddenSize, _kvHeads * _headDim, true, dtype, device);
        o_proj = new LoraLinear("o_proj", _heads * _headDim, c.HiddenSize, false, dtype, device);
        RegisterComponents();
    }

    public IEnumerable<LoraLinear> Projections => [q_proj, k_proj, v_proj, o_proj];

    /// <param name="x"><c>(B, L, H)</c>.</param>
    /// <param name="cos">cos <c>(B, L, d)</c>.</param>
    /// <param name="sin">sin <c>(B, L, d)</c>.</param>
    /// <param name="mask">Additive float32 mask <c>(B, 1, L, L_total)</c>.</param>
    /// <param name="cache">The cache and this layer's index, or null.</param>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor mask, (KvCache Cache, int Layer)? cache)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], l = x.shape[1];
        var q = q_proj.forward(x).view(b, l, _heads, _headDim).transpose(1, 2);
        var k = k_proj.forward(x).view(b, l, _kvHeads, _headDim).transpose(1, 2);
        var v = v_proj.forward(x).view(b, l, _kvHeads, _headDim).transpose(1, 2);
        var c = cos.unsqueeze(1);
        var s = sin.unsqueeze(1);
        q = AttentionMath.ApplyRotary(q, c, s);
        k = AttentionMath.ApplyRotary(k, c, s);
        if (cache is { } kv) (k, v) = kv.Cache.Append(kv.Layer, k, v);
        int rep = _heads / _kvHeads;
        if (rep > 1)
        {
            k = k.repeat_interleave(rep, 1);
            v = v.repeat_interleave(rep, 1);
        }
        var o = AttentionMath.Attend(q, k, v, mask).transpose(1, 2).reshape(b, l, _heads * _headDim);
        return o_proj.forward(o).MoveToOuterDisposeScope();
    }
}
