using AnomSeer.Policy.QwenVL.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// <c>Qwen2_5_VLForConditionalGeneration</c> with the official parameter names (spec §7.2): <c>visual.*</c>,
/// <c>model.*</c> and, when the head is not tied, <c>lm_head.weight</c>.
/// </summary>
internal sealed class QwenVLNetwork : nn.Module
{
    private readonly VisionTransformer visual;
    private readonly TextModel model;
    private readonly LoraLinear? _lmHead;

    public QwenVLNetwork(QwenVLConfig config, ScalarType dtype, Device device) : base("Qwen2_5_VLForConditionalGeneration")
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        visual = new VisionTransformer("visual", config.Vision, dtype, device);
        model = new TextModel("model", config.Text, dtype, device);
        RegisterComponents();
        if (!config.Text.TieWordEmbeddings)
        {
            _lmHead = new LoraLinear("lm_head", config.Text.HiddenSize, config.Text.VocabSize, false, dtype, device);
            register_module("lm_head", _lmHead);
        }
    }

    public QwenVLConfig Config { get; }

    public VisionTransformer Visual => visual;

    public TextModel Model => model;

    /// <summary>The decoder projections LoRA adapts (q, k, v, o, gate, up, down of every layer).</summary>
    public IEnumerable<LoraLinear> DecoderProjections => model.Layers.SelectMany(l => l.Projections);

    /// <summary>The merged image tokens of the images, raster order, images concatenated.</summary>
    public Tensor EncodeImages(Tensor pixelValues, IReadOnlyList<ImageGrid> grids) => visual.Forward(pixelValues, grids);

    /// <summary>
    /// Token embeddings with the image placeholders' rows replaced, in row-major (batch, then sequence) order, by
    /// <paramref name="imageEmbeds"/> (spec §5).
    /// </summary>
    /// <param name="ids"><c>(B, L)</c> token ids.</param>
    /// <param name="imageEmbeds">The image features, or null.</param>
    /// <param name="imageSlots"><c>(B, L)</c> boolean: where a placeholder may stand (the prompt part); null: everywhere.
    /// An image-pad id outside the slots (a generated one) is embedded as an ordinary token.</param>
    /// <exception cref="ArgumentException">The number of image placeholders differs from the image features.</exception>
    public Tensor Embed(Tensor ids, Tensor? imageEmbeds, Tensor? imageSlots = null)
    {
        using var scope = NewDisposeScope();
        var embeds = model.EmbedTokens.forward(ids);
        var isImage = ids.eq(Config.ImageTokenId);
        if (imageSlots is not null) isImage = isImage.logical_and(imageSlots);
        isImage = isImage.view(-1);
        long placeholders = isImage.sum().item<long>();
        long features = imageEmbeds?.shape[0] ?? 0;
        if (placeholders != features)
            throw new ArgumentException($"Image features and image tokens do not match: {placeholders} <|image_pad|> tokens, {features} image features.", nameof(imageEmbeds));
        if (features == 0) return embeds.MoveToOuterDisposeScope();
        long b = embeds.shape[0], l = embeds.shape[1], h = embeds.shape[2];
        var index = isImage.nonzero().squeeze(1);
        var flat = embeds.reshape(b * l, h).index_copy(0, index, imageEmbeds!.to(embeds.dtype));
        return flat.view(b, l, h).MoveToOuterDisposeScope();
    }

    /// <summary>The decoder; see <see cref="TextModel.Forward"/>.</summary>
    public Tensor Decode(Tensor embeds, Tensor positions, Tensor mask, KvCache? cache) => model.Forward(embeds, positions, mask, cache);

    /// <summary>Logits <c>(…, V)</c> in the model dtype: <c>lm_head</c>, or the embedding matrix when tied.</summary>
    public Tensor Logits(Tensor hidden) =>
        _lmHead is not null ? _lmHead.forward(hidden) : nn.functional.linear(hidden, model.EmbedTokens.Weight);

    /// <summary>
    /// The additive float32 mask <c>(B, 1, L, L_total)</c>: causal over the <paramref name="past"/> cached tokens plus the
    /// L new ones, and blocked at keys whose <paramref name="keyValid"/> flag is false (spec §6.6).
    /// </summary>
    /// <param name="keyValid"><c>(B, L_total)</c> boolean.</param>
    /// <param name="past">Number of cached tokens before the new ones.</param>
    /// <param name="length">Number of new tokens L.</param>
    public static Tensor CausalMask(Tensor keyValid, long past, long length)
    {
        using var scope = NewDisposeScope();
        long total = keyValid.shape[1];
        var device = keyValid.device;
        var query = arange(past, past + length, dtype: int64, device: device).unsqueeze(1);
        var key = arange(total, dtype: int64, device: device).unsqueeze(0);
        var allowed = key.le(query).unsqueeze(0).logical_and(keyValid.unsqueeze(1)).unsqueeze(1);
        var mask = zeros(allowed.shape, float32, device).masked_fill(allowed.logical_not(), float.MinValue);
        return mask.MoveToOuterDisposeScope();
    }
}
