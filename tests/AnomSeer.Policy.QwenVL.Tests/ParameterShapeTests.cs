using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Modeling;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>Shape approval of the real architectures, built on the meta device (no memory for the weights).</summary>
public class ParameterShapeTests
{
    /// <summary>The official key list and shapes, written from the spec's §7.2 table (independently of the modules).</summary>
    private static List<(string Name, long[] Shape)> SpecKeys(int layers, long vocab, long hidden, long inter, long kvDim, long outHidden, bool tied)
    {
        var keys = new List<(string, long[])> { ("visual.patch_embed.proj.weight", [1280, 3, 2, 14, 14]) };
        for (int i = 0; i < 32; i++)
        {
            string p = $"visual.blocks.{i}.";
            keys.Add((p + "norm1.weight", [1280]));
            keys.Add((p + "norm2.weight", [1280]));
            keys.Add((p + "attn.qkv.weight", [3840, 1280]));
            keys.Add((p + "attn.qkv.bias", [3840]));
            keys.Add((p + "attn.proj.weight", [1280, 1280]));
            keys.Add((p + "attn.proj.bias", [1280]));
            keys.Add((p + "mlp.gate_proj.weight", [3420, 1280]));
            keys.Add((p + "mlp.gate_proj.bias", [3420]));
            keys.Add((p + "mlp.up_proj.weight", [3420, 1280]));
            keys.Add((p + "mlp.up_proj.bias", [3420]));
            keys.Add((p + "mlp.down_proj.weight", [1280, 3420]));
            keys.Add((p + "mlp.down_proj.bias", [1280]));
        }
        keys.Add(("visual.merger.ln_q.weight", [1280]));
        keys.Add(("visual.merger.mlp.0.weight", [5120, 5120]));
        keys.Add(("visual.merger.mlp.0.bias", [5120]));
        keys.Add(("visual.merger.mlp.2.weight", [outHidden, 5120]));
        keys.Add(("visual.merger.mlp.2.bias", [outHidden]));
        keys.Add(("model.embed_tokens.weight", [vocab, hidden]));
        for (int j = 0; j < layers; j++)
        {
            string p = $"model.layers.{j}.";
            keys.Add((p + "self_attn.q_proj.weight", [hidden, hidden]));
            keys.Add((p + "self_attn.q_proj.bias", [hidden]));
            keys.Add((p + "self_attn.k_proj.weight", [kvDim, hidden]));
            keys.Add((p + "self_attn.k_proj.bias", [kvDim]));
            keys.Add((p + "self_attn.v_proj.weight", [kvDim, hidden]));
            keys.Add((p + "self_attn.v_proj.bias", [kvDim]));
            keys.Add((p + "self_attn.o_proj.weight", [hidden, hidden]));
            keys.Add((p + "mlp.gate_proj.weight", [inter, hidden]));
            keys.Add((p + "mlp.up_proj.weight", [inter, hidden]));
            keys.Add((p + "mlp.down_proj.weight", [hidden, inter]));
            keys.Add((p + "input_layernorm.weight", [hidden]));
            keys.Add((p + "post_attention_layernorm.weight", [hidden]));
        }
        keys.Add(("model.norm.weight", [hidden]));
        if (!tied) keys.Add(("lm_head.weight", [vocab, hidden]));
        return keys;
    }

    private static void AssertMatchesSpec(QwenVLConfig config, List<(string Name, long[] Shape)> expected, int expectedKeys, long expectedTotal)
    {
        using var network = new QwenVLNetwork(config, bfloat16, device("meta"));
        var actual = network.named_parameters().Select(p => (p.name, p.parameter.shape)).ToList();
        Assert.All(network.parameters(), p => Assert.Equal(TorchSharp.DeviceType.META, p.device.type));
        Assert.Equal(expectedKeys, actual.Count);
        Assert.Equal(expected.Count, actual.Count);
        var byName = actual.ToDictionary(a => a.name, a => a.shape);
        foreach (var (name, shape) in expected)
        {
            Assert.True(byName.TryGetValue(name, out var got), $"missing parameter {name}");
            Assert.True(shape.SequenceEqual(got!), $"{name}: expected ({string.Join(", ", shape)}), got ({string.Join(", ", got!)})");
        }
        Assert.Equal(expectedTotal, actual.Sum(a => a.shape.Aggregate(1L, (x, y) => x * y)));
    }

    [Fact]
    public void Qwen25VL3B_OnMetaDevice_HasTheOfficialNamesShapes_And3754622976Parameters()
    {
        var expected = SpecKeys(36, 151936, 2048, 11008, 256, 2048, tied: true);
        AssertMatchesSpec(QwenVLConfig.Qwen25VL3B, expected, 824, 3_754_622_976);
    }

    [Fact]
    public void Qwen25VL7B_OnMetaDevice_HasTheOfficialNamesShapes_And8292166656Parameters()
    {
        var expected = SpecKeys(28, 152064, 3584, 18944, 512, 3584, tied: false);
        AssertMatchesSpec(QwenVLConfig.Qwen25VL7B, expected, 729, 8_292_166_656);
    }
}
