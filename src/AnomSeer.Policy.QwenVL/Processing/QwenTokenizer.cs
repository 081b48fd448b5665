using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// The Qwen2 tokenizer (spec §2.1–§2.2) over Microsoft.ML.Tokenizers: added tokens split out first, NFC, the Qwen2
/// pre-tokenizer pattern (one digit per token), byte-level BPE by merge rank, byte-level decoding.
/// </summary>
public sealed class QwenTokenizer
{
    /// <summary>Qwen2's pre-tokenizer pattern (HF <c>PRETOKENIZE_REGEX</c>).</summary>
    public const string Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private readonly BpeTokenizer _bpe;
    private readonly Dictionary<string, int> _added;
    private readonly HashSet<int> _specialIds;

    /// <summary>Creates a tokenizer from its parts.</summary>
    /// <param name="vocabulary">Token (in GPT-2 byte-unicode form) → id.</param>
    /// <param name="merges">Merges in rank order, each <c>"left right"</c>.</param>
    /// <param name="addedTokens">Added tokens: content → (id, special).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public QwenTokenizer(IReadOnlyDictionary<string, int> vocabulary, IEnumerable<string> merges,
        IReadOnlyDictionary<string, (int Id, bool Special)> addedTokens)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(merges);
        ArgumentNullException.ThrowIfNull(addedTokens);
        _added = addedTokens.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
        _specialIds = [.. addedTokens.Where(kv => kv.Value.Special).Select(kv => kv.Value.Id)];
        var regex = new Regex(Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _bpe = BpeTokenizer.Create(new BpeOptions(vocabulary)
        {
            Merges = merges.ToArray(),
            SpecialTokens = _added,
            PreTokenizer = new RegexPreTokenizer(regex, _added),
            ByteLevel = true,
        });
        VocabularySize = Math.Max(vocabulary.Count == 0 ? 0 : vocabulary.Values.Max() + 1, _added.Count == 0 ? 0 : _added.Values.Max() + 1);
    }

    /// <summary>One more than the largest id.</summary>
    public int VocabularySize { get; }

    /// <summary>The added tokens (content → id).</summary>
    public IReadOnlyDictionary<string, int> AddedTokens => _added;

    /// <summary>The id of an added token, e.g. <c>&lt;|im_end|&gt;</c>.</summary>
    /// <exception cref="KeyNotFoundException">The tokenizer has no such added token.</exception>
    public int TokenId(string addedToken) =>
        _added.TryGetValue(addedToken, out int id) ? id : throw new KeyNotFoundException($"The tokenizer has no added token '{addedToken}'.");

    /// <summary>Token ids of <paramref name="text"/> (NFC-normalised; added tokens are single ids).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        return [.. _bpe.EncodeToIds(text.Normalize(NormalizationForm.FormC), considerPreTokenization: true, considerNormalization: false)];
    }

    /// <summary>The text of token ids; special tokens are dropped when <paramref name="skipSpecialTokens"/>; invalid
    /// UTF-8 byte runs decode to U+FFFD (HF's <c>errors="replace"</c>).</summary>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = true)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kept = skipSpecialTokens ? ids.Where(i => !_specialIds.Contains(i)) : ids;
        return _bpe.Decode(kept, considerSpecialTokens: true);
    }

    /// <summary>
    /// Loads the tokenizer files of a checkpoint folder: <c>tokenizer.json</c> (model vocab, merges and added tokens), or
    /// else <c>vocab.json</c> + <c>merges.txt</c> (+ <c>added_tokens.json</c> / <c>tokenizer_config.json</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">No usable tokenizer files.</exception>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public static QwenTokenizer FromFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string tokenizerJson = Path.Combine(folder, "tokenizer.json");
        if (File.Exists(tokenizerJson)) return FromTokenizerJson(File.ReadAllText(tokenizerJson));
        string vocabPath = Path.Combine(folder, "vocab.json"), mergesPath = Path.Combine(folder, "merges.txt");
        if (!File.Exists(vocabPath) || !File.Exists(mergesPath))
            throw new FileNotFoundException("The folder has neither tokenizer.json nor vocab.json + merges.txt.", vocabPath);
        var vocab = ParseObject(File.ReadAllText(vocabPath), "vocab.json").ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        var merges = File.ReadAllLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).ToArray();
        var added = new Dictionary<string, (int, bool)>();
        string configPath = Path.Combine(folder, "tokenizer_config.json");
        if (File.Exists(configPath) && ParseObject(File.ReadAllText(configPath), "tokenizer_config.json")["added_tokens_decoder"] is JsonObject decoder)
            foreach (var (id, node) in decoder)
                added[node!["content"]!.GetValue<string>()] = (int.Parse(id, System.Globalization.CultureInfo.InvariantCulture), node["special"]?.GetValue<bool>() ?? true);
        string addedPath = Path.Combine(folder, "added_tokens.json");
        if (File.Exists(addedPath))
            foreach (var (content, node) in ParseObject(File.ReadAllText(addedPath), "added_tokens.json"))
                if (!added.ContainsKey(content)) added[content] = (node!.GetValue<int>(), true);
        return new QwenTokenizer(vocab, merges, added);
    }

    /// <summary>Parses an HF <c>tokenizer.json</c> (BPE model; merges as strings or pairs).</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or not a BPE tokenizer.</exception>
    public static QwenTokenizer FromTokenizerJson(string json)
    {
        var root = ParseObject(json, "tokenizer.json");
        var model = root["model"] as JsonObject ?? throw new InvalidDataException("tokenizer.json has no model.");
        var vocabNode = model["vocab"] as JsonObject ?? throw new InvalidDataException("tokenizer.json has no model.vocab.");
        var vocab = vocabNode.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<int>());
        var merges = (model["merges"] as JsonArray ?? throw new InvalidDataException("tokenizer.json has no model.merges."))
            .Select(m => m is JsonArray pair ? $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}" : m!.GetValue<string>())
            .ToArray();
        var added = new Dictionary<string, (int, bool)>();
        if (root["added_tokens"] is JsonArray tokens)
            foreach (var t in tokens)
                added[t!["content"]!.GetValue<string>()] = (t["id"]!.GetValue<int>(), t["special"]?.GetValue<bool>() ?? true);
        return new QwenTokenizer(vocab, merges, added);
    }

    private static JsonObject ParseObject(string json, string file)
    {
        try { return JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{file} is not a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e); }
    }
}
