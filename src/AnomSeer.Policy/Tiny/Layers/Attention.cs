using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>Multi-head self-attention with optional RoPE and an optional key/value cache; no biases.</summary>
internal sealed class Attention : nn.Module
{
    private readonly Linear q_proj;
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear o_proj;
    private readonly int _heads;
    private readonly int _headDim;

    public Attention(string name, int dim, int heads) : base(name)
    {
        _heads = heads;
        _headDim = dim / heads;
        q_proj = nn.Linear(dim, dim, hasBias: false);
        k_proj = nn.Linear(dim, dim, hasBias: false);
        v_proj = nn.Linear(dim, dim, hasBias: false);
        o_proj = nn.Linear(dim, dim, hasBias: false);
        RegisterComponents();
    }

    public int HeadDim => _headDim;

    /// <param name="x"><c>[B, T, D]</c>.</param>
    /// <param name="rope">cos/sin <c>[B, 1, T, hd]</c>, or null for no rotary embedding.</param>
    /// <param name="allowed"><c>[B, 1, T, Tk]</c> boolean, true where a query may attend to a key.</param>
    /// <param name="cache">Cache to append to and attend over, or null.</param>
    public Tensor Forward(Tensor x, (Tensor Cos, Tensor Sin)? rope, Tensor allowed, LayerCache? cache)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var q = q_proj.forward(x).view(b, t, _heads, _headDim).transpose(1, 2);
        var k = k_proj.forward(x).view(b, t, _heads, _headDim).transpose(1, 2);
        var v = v_proj.forward(x).view(b, t, _heads, _headDim).transpose(1, 2);
        if (rope is { } r)
        {
            q = Rotary.Apply(q, r.Cos, r.Sin);
            k = Rotary.Apply(k, r.Cos, r.Sin);
        }
        if (cache is not null) (k, v) = cache.Append(k, v);
        var scores = matmul(q, k.transpose(2, 3)).DivideBy(Math.Sqrt(_headDim));
        scores = scores.FillWhere(allowed.logical_not(), float.NegativeInfinity);
        var attn = softmax(scores, -1);
        var o = matmul(attn, v).transpose(1, 2).contiguous().view(b, t, _heads * _headDim);
        return o_proj.forward(o).MoveToOuterDisposeScope();
    }
}
