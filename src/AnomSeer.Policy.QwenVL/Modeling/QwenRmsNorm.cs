using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>RMSNorm as Qwen2 computes it (spec §4.4): normalise in float32, cast back, then multiply by the weight.</summary>
internal sealed class QwenRmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Scalar _eps;

    public QwenRmsNorm(string name, int dim, double eps, ScalarType dtype, Device device) : base(name)
    {
        weight = ModuleInit.Ones([dim], dtype, device);
        _eps = eps.ToScalar(); // held by the module: an implicit Scalar can be finalised mid-call (docs/policy.md)
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var xf = x.to(float32);
        var normed = (xf * rsqrt(xf.square().mean([-1], keepdim: true).add(_eps))).to(x.dtype);
        return (weight * normed).MoveToOuterDisposeScope();
    }
}
