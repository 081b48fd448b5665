using AnomSeer.Policy.QwenVL.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary><c>model</c>: the token embedding, the decoder layers and the final norm (spec §6.1).</summary>
internal sealed class TextModel : nn.Module
{
    private readonly TokenEmbedding embed_tokens;
    private readonly ModuleList<DecoderLayer> layers;
    private readonly QwenRmsNorm norm;
    private readonly QwenVLTextConfig _config;

    public TextModel(string name, QwenVLTextConfig c, ScalarType dtype, Device device) : base(name)
    {
        _config = c;
        embed_tokens = new TokenEmbedding("embed_tokens", c.VocabSize, c.HiddenSize, dtype, device);
        layers = new ModuleList<DecoderLayer>(Enumerable.Range(0, c.NumHiddenLayers).Select(i => new DecoderLayer(i.ToString(), c, dtype, device)).ToArray());
        norm = new QwenRmsNorm("norm", c.HiddenSize, c.RmsNormEps, dtype, device);
        RegisterComponents();
    }

    public TokenEmbedding EmbedTokens => embed_tokens;

    public IReadOnlyList<DecoderLayer> Layers => [.. layers];

    /// <summary>The decoder over input embeddings.</summary>
    /// <param name="embeds"><c>(B, L, H)</c>.</param>
    /// <param name="positions"><c>(3, B, L)</c> int64 M-RoPE positions.</param>
    /// <param name="mask">Additive float32 mask <c>(B, 1, L, L_total)</c>.</param>
    /// <param name="cache">The cache to extend, or null.</param>
    /// <returns>Final-norm hidden states <c>(B, L, H)</c>.</returns>
    public Tensor Forward(Tensor embeds, Tensor positions, Tensor mask, KvCache? cache)
    {
        using var scope = NewDisposeScope();
        var (cos, sin) = MultimodalRotary.CosSin(positions, _config, embeds.dtype);
        var x = embeds;
        for (int i = 0; i < layers.Count; i++)
            x = layers[i].Forward(x, cos, sin, mask, cache is null ? null : (cache, i));
        return norm.forward(x).MoveToOuterDisposeScope();
    }
}
