using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// Vision self-attention (spec §4.4): fused <c>qkv</c> with bias, the 2-D rotary applied to q and k in float32,
/// non-causal attention inside each segment of the given boundaries, then <c>proj</c> with bias.
/// </summary>
internal sealed class VisionAttention : nn.Module
{
    private readonly LoraLinear qkv;
    private readonly LoraLinear proj;
    private readonly int _heads;
    private readonly int _headDim;

    public VisionAttention(string name, int dim, int heads, ScalarType dtype, Device device) : base(name)
    {
        _heads = heads;
        _headDim = dim / heads;
        qkv = new LoraLinear("qkv", dim, 3 * dim, true, dtype, device);
        proj = new LoraLinear("proj", dim, dim, true, dtype, device);
        RegisterComponents();
    }

    /// <param name="x"><c>(N, D)</c> patches in window order.</param>
    /// <param name="cos">cos of the rotary angles <c>(N, head_dim)</c>, float32.</param>
    /// <param name="sin">sin of the rotary angles <c>(N, head_dim)</c>, float32.</param>
    /// <param name="boundaries">Segment boundaries in patches (0, …, N); attention never crosses one.</param>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, int[] boundaries)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0];
        var parts = qkv.forward(x).reshape(n, 3, _heads, _headDim).permute(1, 0, 2, 3);
        var c = cos.unsqueeze(1);
        var s = sin.unsqueeze(1);
        var q = AttentionMath.ApplyRotary(parts[0].to(float32), c, s).to(x.dtype).transpose(0, 1);
        var k = AttentionMath.ApplyRotary(parts[1].to(float32), c, s).to(x.dtype).transpose(0, 1);
        var v = parts[2].transpose(0, 1);
        var outputs = new List<Tensor>(boundaries.Length);
        for (int i = 1; i < boundaries.Length; i++)
        {
            int a = boundaries[i - 1], b = boundaries[i];
            if (b <= a) continue;
            outputs.Add(AttentionMath.Attend(q[.., a..b], k[.., a..b], v[.., a..b], null));
        }
        var o = (outputs.Count == 1 ? outputs[0] : cat(outputs, 1)).transpose(0, 1).reshape(n, _heads * _headDim);
        return proj.forward(o).MoveToOuterDisposeScope();
    }
}
