using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>SwiGLU feed-forward: <c>down(silu(gate(x)) · up(x))</c>, no biases.</summary>
internal sealed class SwiGlu : nn.Module<Tensor, Tensor>
{
    private readonly Linear gate_proj;
    private readonly Linear up_proj;
    private readonly Linear down_proj;

    public SwiGlu(string name, int dim, int hidden) : base(name)
    {
        gate_proj = nn.Linear(dim, hidden, hasBias: false);
        up_proj = nn.Linear(dim, hidden, hasBias: false);
        down_proj = nn.Linear(hidden, dim, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return down_proj.forward(nn.functional.silu(gate_proj.forward(x)) * up_proj.forward(x)).MoveToOuterDisposeScope();
    }
}
