using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomSeer.Policy.QwenVL.Configuration;

/// <summary>
/// Reads a Qwen2.5-VL <c>config.json</c> in either layout (spec §1.2): the original flat one (text fields at the top
/// level next to <c>vision_config</c>) or the newer one with a nested <c>text_config</c>; <c>rope_scaling</c> or
/// <c>rope_parameters</c>; <c>in_chans</c> or <c>in_channels</c>.
/// </summary>
public static class QwenVLConfigReader
{
    /// <summary>Parses the JSON text of a <c>config.json</c>.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The validated configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="InvalidDataException">The JSON is malformed, a required field is missing, or the values are inconsistent.</exception>
    public static QwenVLConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try { root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("config.json is not a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"config.json is not valid JSON: {e.Message}", e); }
        var text = root["text_config"] as JsonObject ?? root;
        var vision = root["vision_config"] as JsonObject ?? throw new InvalidDataException("config.json has no vision_config.");
        var rope = (text["rope_scaling"] ?? text["rope_parameters"] ?? root["rope_scaling"] ?? root["rope_parameters"]) as JsonObject;
        var section = rope?["mrope_section"] as JsonArray ?? throw new InvalidDataException("config.json has no rope_scaling.mrope_section.");
        double theta = OptDouble(rope, "rope_theta") ?? OptDouble(text, "rope_theta") ?? OptDouble(root, "rope_theta") ?? 1_000_000.0;
        var textConfig = new QwenVLTextConfig
        {
            VocabSize = Int(text, root, "vocab_size"),
            HiddenSize = Int(text, root, "hidden_size"),
            IntermediateSize = Int(text, root, "intermediate_size"),
            NumHiddenLayers = Int(text, root, "num_hidden_layers"),
            NumAttentionHeads = Int(text, root, "num_attention_heads"),
            NumKeyValueHeads = OptInt(text, "num_key_value_heads") ?? OptInt(root, "num_key_value_heads") ?? Int(text, root, "num_attention_heads"),
            RmsNormEps = OptDouble(text, "rms_norm_eps") ?? OptDouble(root, "rms_norm_eps") ?? 1e-6,
            RopeTheta = theta,
            MropeSection = section.Select(n => n!.GetValue<int>()).ToArray(),
            TieWordEmbeddings = OptBool(root, "tie_word_embeddings") ?? OptBool(text, "tie_word_embeddings") ?? false,
            MaxPositionEmbeddings = OptInt(text, "max_position_embeddings") ?? OptInt(root, "max_position_embeddings") ?? 128_000,
        };
        var visionConfig = new QwenVLVisionConfig
        {
            Depth = Int(vision, null, "depth"),
            HiddenSize = Int(vision, null, "hidden_size"),
            IntermediateSize = Int(vision, null, "intermediate_size"),
            NumHeads = Int(vision, null, "num_heads"),
            InChannels = OptInt(vision, "in_chans") ?? OptInt(vision, "in_channels") ?? 3,
            PatchSize = OptInt(vision, "patch_size") ?? OptInt(vision, "spatial_patch_size") ?? 14,
            TemporalPatchSize = OptInt(vision, "temporal_patch_size") ?? 2,
            SpatialMergeSize = OptInt(vision, "spatial_merge_size") ?? 2,
            WindowSize = OptInt(vision, "window_size") ?? 112,
            FullAttBlockIndexes = (vision["fullatt_block_indexes"] as JsonArray)?.Select(n => n!.GetValue<int>()).ToArray() ?? [],
            OutHiddenSize = OptInt(vision, "out_hidden_size") ?? textConfigHidden(text, root),
            TokensPerSecond = OptInt(vision, "tokens_per_second") ?? 2,
        };
        var config = new QwenVLConfig
        {
            Text = textConfig,
            Vision = visionConfig,
            VisionStartTokenId = OptInt(root, "vision_start_token_id") ?? 151652,
            VisionEndTokenId = OptInt(root, "vision_end_token_id") ?? 151653,
            ImageTokenId = OptInt(root, "image_token_id") ?? 151655,
            VideoTokenId = OptInt(root, "video_token_id") ?? 151656,
            BosTokenId = OptInt(root, "bos_token_id") ?? OptInt(text, "bos_token_id") ?? 151643,
            EosTokenId = OptInt(root, "eos_token_id") ?? OptInt(text, "eos_token_id") ?? 151645,
        };
        try { config.Validate(); }
        catch (ArgumentException e) { throw new InvalidDataException($"config.json is inconsistent: {e.Message}", e); }
        return config;

        static int textConfigHidden(JsonObject t, JsonObject r) => Int(t, r, "hidden_size");
    }

    /// <summary>Reads and parses a <c>config.json</c> file.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">See <see cref="Parse"/>.</exception>
    public static QwenVLConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException("The model configuration is missing.", path);
        return Parse(File.ReadAllText(path));
    }

    private static int Int(JsonObject primary, JsonObject? fallback, string name) =>
        OptInt(primary, name) ?? (fallback is null ? null : OptInt(fallback, name))
        ?? throw new InvalidDataException($"config.json has no '{name}'.");

    internal static int? OptInt(JsonObject? o, string name)
    {
        var n = o?[name];
        if (n is null) return null;
        if (n is JsonArray a) return a.Count > 0 ? a[0]!.GetValue<int>() : null;
        try { return n.GetValue<int>(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        { throw new InvalidDataException($"'{name}' is not an integer: {n.ToJsonString()}", e); }
    }

    internal static double? OptDouble(JsonObject? o, string name)
    {
        var n = o?[name];
        if (n is null) return null;
        try { return n.GetValue<double>(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        { throw new InvalidDataException($"'{name}' is not a number: {n.ToJsonString()}", e); }
    }

    internal static bool? OptBool(JsonObject? o, string name)
    {
        var n = o?[name];
        if (n is null) return null;
        try { return n.GetValue<bool>(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        { throw new InvalidDataException($"'{name}' is not a boolean: {n.ToJsonString()}", e); }
    }
}
