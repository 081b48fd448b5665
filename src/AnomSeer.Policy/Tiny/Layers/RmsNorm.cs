using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>RMSNorm: <c>x / sqrt(mean(x²) + ε) · w</c> over the last dimension.</summary>
internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Scalar _epsScalar;

    public RmsNorm(string name, int dim, double eps) : base(name)
    {
        weight = nn.Parameter(ones(dim));
        _epsScalar = eps.ToScalar();
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        // square() and a Scalar held by the module rather than pow(2) and "+ eps": an implicit Scalar argument can be
        // finalised by the GC while the native call still reads it (a 42-minute SFT run died once in pow with
        // "INTERNAL ASSERT FAILED at c10/core/Scalar.h").
        var y = x * rsqrt(x.square().mean([-1], keepdim: true).add(_epsScalar)) * weight;
        return y.MoveToOuterDisposeScope();
    }
}
