using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomSeer.Policy.QwenVL.Configuration;

/// <summary>
/// <c>generation_config.json</c> (spec §8.1). These are the checkpoint's <b>chat</b> defaults (temperature 0.1, top-k 1,
/// top-p 0.001, repetition penalty 1.05); they distort log-probabilities, so RL sampling does not use them
/// (see <see cref="QwenVLPolicyOptions"/>). The end-of-sequence ids are used: generation stops at any of them.
/// </summary>
public sealed record QwenVLGenerationConfig
{
    /// <summary>Ids that end a response (151645 <c>&lt;|im_end|&gt;</c>, 151643 <c>&lt;|endoftext|&gt;</c>).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [151645, 151643];

    /// <summary>The padding id (151643).</summary>
    public int PadTokenId { get; init; } = 151643;

    /// <summary>The file's temperature (0.1).</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>The file's top-k (1).</summary>
    public int TopK { get; init; } = 1;

    /// <summary>The file's top-p (0.001).</summary>
    public double TopP { get; init; } = 0.001;

    /// <summary>The file's repetition penalty (1.05).</summary>
    public double RepetitionPenalty { get; init; } = 1.05;

    /// <summary>Parses the JSON text of a <c>generation_config.json</c>; missing fields keep the defaults above.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or a value has the wrong type.</exception>
    public static QwenVLGenerationConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try { root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("generation_config.json is not a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"generation_config.json is not valid JSON: {e.Message}", e); }
        var d = new QwenVLGenerationConfig();
        var eos = root["eos_token_id"] switch
        {
            JsonArray a => a.Select(n => n!.GetValue<int>()).ToArray(),
            JsonValue v => [v.GetValue<int>()],
            _ => d.EosTokenIds,
        };
        return d with
        {
            EosTokenIds = eos,
            PadTokenId = QwenVLConfigReader.OptInt(root, "pad_token_id") ?? d.PadTokenId,
            Temperature = QwenVLConfigReader.OptDouble(root, "temperature") ?? d.Temperature,
            TopK = QwenVLConfigReader.OptInt(root, "top_k") ?? d.TopK,
            TopP = QwenVLConfigReader.OptDouble(root, "top_p") ?? d.TopP,
            RepetitionPenalty = QwenVLConfigReader.OptDouble(root, "repetition_penalty") ?? d.RepetitionPenalty,
        };
    }
}
