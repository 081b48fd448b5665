using AnomSeer.Policy.QwenVL.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// <c>visual.merger</c> (spec §4.5): <c>ln_q</c> (RMSNorm), then the merge² consecutive patches of a block concatenated,
/// then <c>mlp.0</c> Linear, exact GELU, <c>mlp.2</c> Linear to the text width.
/// </summary>
internal sealed class PatchMerger : nn.Module<Tensor, Tensor>
{
    private readonly QwenRmsNorm ln_q;
    private readonly Sequential mlp;
    private readonly int _mergedDim;

    public PatchMerger(string name, QwenVLVisionConfig c, ScalarType dtype, Device device) : base(name)
    {
        _mergedDim = c.HiddenSize * c.SpatialMergeSize * c.SpatialMergeSize;
        ln_q = new QwenRmsNorm("ln_q", c.HiddenSize, 1e-6, dtype, device);
        mlp = nn.Sequential(
            ("0", new LoraLinear("0", _mergedDim, _mergedDim, true, dtype, device)),
            ("1", nn.GELU()),
            ("2", new LoraLinear("2", _mergedDim, c.OutHiddenSize, true, dtype, device)));
        RegisterComponents();
    }

    /// <param name="x"><c>(N, D)</c> patches, each merge block's patches consecutive.</param>
    /// <returns><c>(N / merge², out)</c>.</returns>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return mlp.forward(ln_q.forward(x).view(-1, _mergedDim)).MoveToOuterDisposeScope();
    }
}
