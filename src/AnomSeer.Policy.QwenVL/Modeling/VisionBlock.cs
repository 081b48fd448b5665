using AnomSeer.Policy.QwenVL.Configuration;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>One pre-norm vision block (spec §4.4): <c>h += attn(norm1(h)); h += mlp(norm2(h))</c>.</summary>
internal sealed class VisionBlock : nn.Module
{
    private readonly QwenRmsNorm norm1;
    private readonly QwenRmsNorm norm2;
    private readonly VisionAttention attn;
    private readonly SwiGluMlp mlp;

    public VisionBlock(string name, QwenVLVisionConfig c, ScalarType dtype, Device device) : base(name)
    {
        norm1 = new QwenRmsNorm("norm1", c.HiddenSize, 1e-6, dtype, device);
        norm2 = new QwenRmsNorm("norm2", c.HiddenSize, 1e-6, dtype, device);
        attn = new VisionAttention("attn", c.HiddenSize, c.NumHeads, dtype, device);
        mlp = new SwiGluMlp("mlp", c.HiddenSize, c.IntermediateSize, true, dtype, device);
        RegisterComponents();
    }

    public Tensor Forward(Tensor h, Tensor cos, Tensor sin, int[] boundaries)
    {
        using var scope = NewDisposeScope();
        h = h + attn.Forward(norm1.forward(h), cos, sin, boundaries);
        h = h + mlp.forward(norm2.forward(h));
        return h.MoveToOuterDisposeScope();
    }
}
