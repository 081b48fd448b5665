using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>A pre-norm transformer block: <c>h = x + attn(norm(x))</c>, <c>y = h + swiglu(norm(h))</c>.</summary>
internal sealed class TransformerBlock : nn.Module
{
    private readonly RmsNorm attn_norm;
    private readonly Attention attn;
    private readonly RmsNorm ffn_norm;
    private readonly SwiGlu ffn;

    public TransformerBlock(string name, int dim, int heads, int ffnDim, double eps) : base(name)
    {
        attn_norm = new RmsNorm("attn_norm", dim, eps);
        attn = new Attention("attn", dim, heads);
        ffn_norm = new RmsNorm("ffn_norm", dim, eps);
        ffn = new SwiGlu("ffn", dim, ffnDim);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, (Tensor Cos, Tensor Sin)? rope, Tensor allowed, LayerCache? cache)
    {
        using var scope = NewDisposeScope();
        var h = x + attn.Forward(attn_norm.forward(x), rope, allowed, cache);
        return (h + ffn.forward(ffn_norm.forward(h))).MoveToOuterDisposeScope();
    }
}
