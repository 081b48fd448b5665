using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>RMSNorm: <c>x / sqrt(mean(x²) + ε) · w</c> over the last dimension.</summary>
internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly double _eps;

    public RmsNorm(string name, int dim, double eps) : base(name)
    {
        weight = nn.Parameter(ones(dim));
        _eps = eps;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = x * rsqrt(x.pow(2).mean([-1], keepdim: true) + _eps) * weight;
        return y.MoveToOuterDisposeScope();
    }
}
