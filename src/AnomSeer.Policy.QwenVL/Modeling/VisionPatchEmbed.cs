using AnomSeer.Policy.QwenVL.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// <c>visual.patch_embed</c> (spec §4.1): a bias-free Conv3d with kernel = stride = (2, 14, 14), whose weight
/// <c>proj.weight</c> <c>(D, C, 2, 14, 14)</c> is applied as the equivalent matrix product on the flattened rows
/// <c>(N, C·2·14·14)</c> (the row layout (c, tp, py, px) is the weight's (in, kt, kh, kw) flattening).
/// </summary>
internal sealed class VisionPatchEmbed : nn.Module<Tensor, Tensor>
{
    private readonly PatchProjection proj;

    public VisionPatchEmbed(string name, QwenVLVisionConfig config, ScalarType dtype, Device device) : base(name)
    {
        proj = new PatchProjection("proj", config, dtype, device);
        RegisterComponents();
    }

    /// <param name="pixelValues"><c>(N, C·T·P·P)</c> patch rows.</param>
    /// <returns><c>(N, D)</c>.</returns>
    public override Tensor forward(Tensor pixelValues)
    {
        using var scope = NewDisposeScope();
        var w = proj.Weight;
        var flat = w.view(w.shape[0], -1);
        return matmul(pixelValues.to(w.dtype), flat.t()).MoveToOuterDisposeScope();
    }

    private sealed class PatchProjection : nn.Module
    {
        private readonly Parameter weight;

        public PatchProjection(string name, QwenVLVisionConfig c, ScalarType dtype, Device device) : base(name)
        {
            weight = ModuleInit.Normal([c.HiddenSize, c.InChannels, c.TemporalPatchSize, c.PatchSize, c.PatchSize], dtype, device);
            RegisterComponents();
        }

        public Parameter Weight => weight;
    }
}
