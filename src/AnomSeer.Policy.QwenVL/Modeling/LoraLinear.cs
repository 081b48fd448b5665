using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// A linear layer with HF parameter names (<c>weight</c> <c>(out, in)</c>, optional <c>bias</c>) that can carry a LoRA
/// adapter: <c>y = x Wᵀ + b + (α/r) · B(A(dropout(x)))</c>, with <c>lora_A.weight</c> <c>(r, in)</c> and
/// <c>lora_B.weight</c> <c>(out, r)</c> (PEFT's names), kept in float32; B starts at zero so an adapter starts as a no-op.
/// </summary>
internal sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private Linear? _loraA;
    private Linear? _loraB;
    private double _scale;
    private double _dropout;

    public LoraLinear(string name, int inFeatures, int outFeatures, bool hasBias, ScalarType dtype, Device device) : base(name)
    {
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = ModuleInit.Normal([outFeatures, inFeatures], dtype, device);
        if (hasBias) bias = ModuleInit.Zeros([outFeatures], dtype, device);
        RegisterComponents();
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public Parameter Weight => weight;

    /// <summary>Whether an adapter is attached.</summary>
    public bool HasAdapter => _loraA is not null;

    /// <summary>Whether the adapter takes part in the forward pass (off gives the frozen base layer).</summary>
    public bool AdapterEnabled { get; set; } = true;

    /// <summary>Attaches an adapter of rank <paramref name="rank"/> (A ~ Kaiming-uniform as PEFT, B = 0).</summary>
    public void AddAdapter(int rank, double alpha, double dropout)
    {
        if (_loraA is not null) throw new InvalidOperationException($"{GetName()} already has an adapter.");
        var device = weight.device;
        _loraA = nn.Linear(InFeatures, rank, hasBias: false, device: device, dtype: float32);
        _loraB = nn.Linear(rank, OutFeatures, hasBias: false, device: device, dtype: float32);
        using (no_grad()) _loraB.weight!.zero_();
        register_module("lora_A", _loraA);
        register_module("lora_B", _loraB);
        _scale = alpha / rank;
        _dropout = dropout;
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(x, weight, bias);
        if (_loraA is not null && _loraB is not null && AdapterEnabled)
        {
            var xin = x.to(float32);
            if (_dropout > 0 && training) xin = nn.functional.dropout(xin, _dropout, training);
            y = y + (_loraB.forward(_loraA.forward(xin)) * _scale).to(y.dtype);
        }
        return y.MoveToOuterDisposeScope();
    }
}
