using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnomSeer.Policy.Tiny;

/// <summary>
/// The architecture of AnomSeer-Tiny; saved as <c>config.json</c>. Defaults are the compact configuration that trains on
/// 2 CPU cores (about 1–2 M parameters; the issue measured 1–4 M parameters on fresh data to beat larger ones at equal
/// wall time). Larger configurations are a matter of these options.
/// </summary>
public sealed record TinyPolicyConfig
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>Model width 128 (the best prototype of the issue: width 128, 3 + 3 layers).</summary>
        public const int ModelDim = 128;
        /// <summary>4 attention heads.</summary>
        public const int Heads = 4;
        /// <summary>3 bidirectional input-encoder layers (vision strips and series patches together).</summary>
        public const int EncoderLayers = 3;
        /// <summary>3 causal decoder layers.</summary>
        public const int DecoderLayers = 3;
        /// <summary>SwiGLU hidden width 352 (≈ 8/3 · 128, rounded to a multiple of 32).</summary>
        public const int FfnDim = 352;
        /// <summary>3 image channels (RGB, the renderer's default tensor).</summary>
        public const int ImageChannels = 3;
        /// <summary>Image height 150 px (the AnomLLM figure, AnomSeer.Plotting's default).</summary>
        public const int ImageHeight = 150;
        /// <summary>Image width 1000 px.</summary>
        public const int ImageWidth = 1000;
        /// <summary>Column strips of 4 px: 250 visual tokens (≤ 256).</summary>
        public const int StripWidth = 4;
        /// <summary>8 series points per patch token.</summary>
        public const int SeriesPatchSize = 8;
        /// <summary>At most 256 series tokens (series up to 2048 points).</summary>
        public const int MaxSeriesTokens = 256;
        /// <summary>8 sine/cosine frequency pairs in the x-coordinate embedding.</summary>
        public const int XFrequencies = 8;
        /// <summary>9 position-offset tokens (patch size + 1, so the exclusive end of the last patch is writable).</summary>
        public const int PointerOffsetCount = 9;
        /// <summary>RoPE base 10000.</summary>
        public const double RopeTheta = 10000;
        /// <summary>RMSNorm epsilon 1e-6 (Qwen2).</summary>
        public const double NormEpsilon = 1e-6;
    }

    /// <summary>Input modality; <see cref="InputModality.ImageAndSeries"/> by default.</summary>
    public InputModality Modality { get; init; } = InputModality.ImageAndSeries;
    /// <summary>Text vocabulary size; must equal the tokenizer's <see cref="Tokenization.PolicyTokenizer.Count"/>.</summary>
    public int VocabSize { get; init; }
    /// <summary>Model width D.</summary>
    public int ModelDim { get; init; } = Defaults.ModelDim;
    /// <summary>Attention heads; must divide <see cref="ModelDim"/> into an even head size.</summary>
    public int Heads { get; init; } = Defaults.Heads;
    /// <summary>Bidirectional input-encoder layers.</summary>
    public int EncoderLayers { get; init; } = Defaults.EncoderLayers;
    /// <summary>Causal decoder layers.</summary>
    public int DecoderLayers { get; init; } = Defaults.DecoderLayers;
    /// <summary>SwiGLU hidden width.</summary>
    public int FfnDim { get; init; } = Defaults.FfnDim;
    /// <summary>Image channels C.</summary>
    public int ImageChannels { get; init; } = Defaults.ImageChannels;
    /// <summary>Image height H in pixels.</summary>
    public int ImageHeight { get; init; } = Defaults.ImageHeight;
    /// <summary>Image width W in pixels; a multiple of <see cref="StripWidth"/>.</summary>
    public int ImageWidth { get; init; } = Defaults.ImageWidth;
    /// <summary>Width of a column strip (one visual token) in pixels.</summary>
    public int StripWidth { get; init; } = Defaults.StripWidth;
    /// <summary>Series points per patch token.</summary>
    public int SeriesPatchSize { get; init; } = Defaults.SeriesPatchSize;
    /// <summary>Maximum number of series patch tokens.</summary>
    public int MaxSeriesTokens { get; init; } = Defaults.MaxSeriesTokens;
    /// <summary>Sine/cosine frequency pairs of the x-coordinate embedding.</summary>
    public int XFrequencies { get; init; } = Defaults.XFrequencies;
    /// <summary>Number of fine-offset tokens of the pointer head; must equal the tokenizer's offset-token count.</summary>
    public int PointerOffsetCount { get; init; } = Defaults.PointerOffsetCount;
    /// <summary>RoPE base.</summary>
    public double RopeTheta { get; init; } = Defaults.RopeTheta;
    /// <summary>RMSNorm epsilon.</summary>
    public double NormEpsilon { get; init; } = Defaults.NormEpsilon;

    /// <summary>Number of visual tokens, <c>ImageWidth / StripWidth</c>.</summary>
    [JsonIgnore] public int VisionTokens => ImageWidth / StripWidth;

    /// <summary>Number of pointer slots: the visual tokens for <see cref="InputModality.Image"/>, the series tokens otherwise.</summary>
    [JsonIgnore] public int PointerSlots => Modality == InputModality.Image ? VisionTokens : MaxSeriesTokens;

    /// <summary>Total output vocabulary: text tokens followed by the pointer slots.</summary>
    [JsonIgnore] public int OutputVocabSize => VocabSize + PointerSlots;

    /// <summary>Throws when the configuration is inconsistent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        static void Positive(int v, string name) { if (v < 1) throw new ArgumentOutOfRangeException(name, v, "Must be at least 1."); }
        Positive(VocabSize, nameof(VocabSize));
        Positive(ModelDim, nameof(ModelDim));
        Positive(Heads, nameof(Heads));
        Positive(DecoderLayers, nameof(DecoderLayers));
        Positive(FfnDim, nameof(FfnDim));
        Positive(ImageChannels, nameof(ImageChannels));
        Positive(ImageHeight, nameof(ImageHeight));
        Positive(ImageWidth, nameof(ImageWidth));
        Positive(StripWidth, nameof(StripWidth));
        Positive(SeriesPatchSize, nameof(SeriesPatchSize));
        Positive(MaxSeriesTokens, nameof(MaxSeriesTokens));
        Positive(XFrequencies, nameof(XFrequencies));
        if (EncoderLayers < 0) throw new ArgumentOutOfRangeException(nameof(EncoderLayers), EncoderLayers, "Must be non-negative.");
        if (PointerOffsetCount < 0) throw new ArgumentOutOfRangeException(nameof(PointerOffsetCount), PointerOffsetCount, "Must be non-negative.");
        if (ModelDim % Heads != 0 || (ModelDim / Heads) % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(Heads), Heads, $"ModelDim {ModelDim} / Heads must be an even integer (RoPE).");
        if (ImageWidth % StripWidth != 0)
            throw new ArgumentOutOfRangeException(nameof(StripWidth), StripWidth, $"Must divide ImageWidth {ImageWidth}.");
        if (!(RopeTheta > 1)) throw new ArgumentOutOfRangeException(nameof(RopeTheta), RopeTheta, "Must be greater than 1.");
        if (!(NormEpsilon > 0)) throw new ArgumentOutOfRangeException(nameof(NormEpsilon), NormEpsilon, "Must be positive.");
        if (!Enum.IsDefined(Modality)) throw new ArgumentOutOfRangeException(nameof(Modality), Modality, "Unknown modality.");
    }

    /// <summary>The JSON text of <c>config.json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads and validates a configuration from the JSON text of <c>config.json</c>.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or the configuration is invalid.</exception>
    public static TinyPolicyConfig FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        TinyPolicyConfig? config;
        try { config = JsonSerializer.Deserialize<TinyPolicyConfig>(json, JsonOptions); }
        catch (JsonException e) { throw new InvalidDataException($"config.json is not a valid configuration: {e.Message}", e); }
        if (config is null) throw new InvalidDataException("config.json is empty (null).");
        try { config.Validate(); }
        catch (ArgumentOutOfRangeException e) { throw new InvalidDataException($"config.json is invalid: {e.Message}", e); }
        return config;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
