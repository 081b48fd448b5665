using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>A token embedding table <c>weight</c> <c>(V, H)</c>, created directly on its device (TorchSharp's
/// <c>nn.Embedding</c> builds on the CPU first, which a meta-device model must avoid).</summary>
internal sealed class TokenEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    public TokenEmbedding(string name, int vocab, int dim, ScalarType dtype, Device device) : base(name)
    {
        weight = ModuleInit.Normal([vocab, dim], dtype, device);
        RegisterComponents();
    }

    public Parameter Weight => weight;

    public override Tensor forward(Tensor ids)
    {
        using var scope = NewDisposeScope();
        var shape = ids.shape.Append(weight.shape[1]).ToArray();
        return weight.index_select(0, ids.reshape(-1)).view(shape).MoveToOuterDisposeScope();
    }
}
