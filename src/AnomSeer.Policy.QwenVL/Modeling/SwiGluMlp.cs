using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>SwiGLU MLP, <c>down(silu(gate(x)) ⊙ up(x))</c>; with biases in the vision blocks, without in the decoder.</summary>
internal sealed class SwiGluMlp : nn.Module<Tensor, Tensor>
{
    private readonly LoraLinear gate_proj;
    private readonly LoraLinear up_proj;
    private readonly LoraLinear down_proj;

    public SwiGluMlp(string name, int dim, int hidden, bool hasBias, ScalarType dtype, Device device) : base(name)
    {
        gate_proj = new LoraLinear("gate_proj", dim, hidden, hasBias, dtype, device);
        up_proj = new LoraLinear("up_proj", dim, hidden, hasBias, dtype, device);
        down_proj = new LoraLinear("down_proj", hidden, dim, hasBias, dtype, device);
        RegisterComponents();
    }

    public IEnumerable<LoraLinear> Projections => [gate_proj, up_proj, down_proj];

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return down_proj.forward(nn.functional.silu(gate_proj.forward(x)) * up_proj.forward(x)).MoveToOuterDisposeScope();
    }
}
