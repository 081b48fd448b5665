using AnomSeer.Policy.QwenVL.Configuration;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>One pre-norm Qwen2 decoder layer (spec §6.1).</summary>
internal sealed class DecoderLayer : nn.Module
{
    private readonly TextAttention self_attn;
    private readonly SwiGluMlp mlp;
    private readonly QwenRmsNorm input_layernorm;
    private readonly QwenRmsNorm post_attention_layernorm;

    public DecoderLayer(string name, QwenVLTextConfig c, ScalarType dtype, Device device) : base(name)
    {
        self_attn = new TextAttention("self_attn", c, dtype, device);
        mlp = new SwiGluMlp("mlp", c.HiddenSize, c.IntermediateSize, false, dtype, device);
        input_layernorm = new QwenRmsNorm("input_layernorm", c.HiddenSize, c.RmsNormEps, dtype, device);
        post_attention_layernorm = new QwenRmsNorm("post_attention_layernorm", c.HiddenSize, c.RmsNormEps, dtype, device);
        RegisterComponents();
    }

    /// <summary>The projections LoRA adapts: q, k, v, o, gate, up, down.</summary>
    public IEnumerable<LoraLinear> Projections => self_attn.Projections.Concat(mlp.Projections);

    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor mask, (KvCache Cache, int Layer)? cache)
    {
        using var scope = NewDisposeScope();
        x = x + self_attn.Forward(input_layernorm.forward(x), cos, sin, mask, cache);
        x = x + mlp.forward(post_attention_layernorm.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
