using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AnomSeer.Policy.Tokenization;

/// <summary>
/// The response tokenizer of the compact policy: whole words of the expert traces, digits as single tokens (so numbers
/// generalise), the prompt and answer tags as special tokens, position-offset tokens for the pointer head, and byte
/// fallback for anything else. Encoding never throws and decoding inverts it exactly.
/// </summary>
/// <remarks>
/// Id layout: 0–2 control tokens (<see cref="SpecialTokens.Control"/>), 3–9 tags (<see cref="SpecialTokens.Tags"/>), then
/// <see cref="OffsetTokenCount"/> offset tokens, 256 byte tokens, the digits 0–9, space and newline, then the corpus
/// pieces. Built by <see cref="PolicyTokenizerBuilder"/>; saved as <c>tokenizer.json</c>.
/// </remarks>
public sealed class PolicyTokenizer
{
    /// <summary>The format name written to <c>tokenizer.json</c>.</summary>
    public const string FormatName = "anomseer-word-tokenizer";

    /// <summary>The format version written to <c>tokenizer.json</c>.</summary>
    public const int FormatVersion = 1;

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    internal PolicyTokenizer(IReadOnlyList<string> pieces, int offsetTokenCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offsetTokenCount);
        var tokens = new List<string>(FixedPrefix(offsetTokenCount));
        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);
        foreach (var p in pieces)
            if (seen.Add(p)) tokens.Add(p);
        _tokens = tokens.ToArray();
        OffsetTokenCount = offsetTokenCount;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _tokens.Length; i++) _ids[_tokens[i]] = i;
    }

    /// <summary>Number of tokens (the text vocabulary size).</summary>
    public int Count => _tokens.Length;

    /// <summary>Number of position-offset tokens <c>&lt;off_0&gt;</c> … .</summary>
    public int OffsetTokenCount { get; }

    /// <summary>Id of <c>&lt;off_0&gt;</c>; offset k has id <c>FirstOffsetId + k</c>.</summary>
    public int FirstOffsetId => SpecialTokens.Control.Count + SpecialTokens.Tags.Count;

    /// <summary>Id of byte token <c>&lt;0x00&gt;</c>; byte b has id <c>FirstByteId + b</c>.</summary>
    public int FirstByteId => FirstOffsetId + OffsetTokenCount;

    /// <summary>Id of the digit 0; digit d has id <c>FirstDigitId + d</c>.</summary>
    public int FirstDigitId => FirstByteId + 256;

    /// <summary>The token strings in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The id of a tag such as <c>&lt;answer&gt;</c>.</summary>
    /// <exception cref="ArgumentException">Not a tag or control token.</exception>
    public int TagId(string tag)
    {
        int i = SpecialTokens.Control.ToList().IndexOf(tag);
        if (i >= 0) return i;
        i = SpecialTokens.Tags.ToList().IndexOf(tag);
        if (i >= 0) return SpecialTokens.Control.Count + i;
        throw new ArgumentException($"'{tag}' is not a special token.", nameof(tag));
    }

    /// <summary>Whether <paramref name="id"/> is an offset token, and which offset.</summary>
    public bool TryGetOffset(int id, out int offset)
    {
        offset = id - FirstOffsetId;
        return offset >= 0 && offset < OffsetTokenCount;
    }

    /// <summary>Encodes text. Never throws; null encodes as empty. Control and offset tokens are never produced.</summary>
    public int[] Encode(string? text)
    {
        var ids = new List<int>();
        EncodeInto(text, ids);
        return ids.ToArray();
    }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void EncodeInto(string? text, List<int> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (string.IsNullOrEmpty(text)) return;
        foreach (var piece in PreTokenizer.Split(text))
        {
            if (_ids.TryGetValue(piece.Text, out int id) && (piece.Kind == PreTokenizer.PieceKind.Tag || id >= FirstByteId + 256))
            {
                destination.Add(id);
                continue;
            }
            var rest = piece.Text;
            if (rest.Length > 1 && rest[0] == ' ')
            {
                destination.Add(_ids[" "]);
                rest = rest[1..];
                if (_ids.TryGetValue(rest, out id) && id >= FirstByteId + 256)
                {
                    destination.Add(id);
                    continue;
                }
            }
            foreach (var b in Encoding.UTF8.GetBytes(rest)) destination.Add(FirstByteId + b);
        }
    }

    /// <summary>
    /// Decodes ids to text. Never throws: unknown ids, control tokens and offset tokens decode to nothing; byte tokens are
    /// joined and decoded as UTF-8 (invalid sequences become U+FFFD).
    /// </summary>
    public string Decode(IEnumerable<int>? ids)
    {
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        if (ids is null) return "";
        foreach (var id in ids)
        {
            if (id >= FirstByteId && id < FirstByteId + 256)
            {
                bytes.Add((byte)(id - FirstByteId));
                continue;
            }
            FlushBytes(bytes, sb);
            if (id < 0 || id >= _tokens.Length || id < SpecialTokens.Control.Count || TryGetOffset(id, out _)) continue;
            sb.Append(_tokens[id]);
        }
        FlushBytes(bytes, sb);
        return sb.ToString();
    }

    /// <summary>The text of one token id (<c>""</c> for unknown ids).</summary>
    public string TokenText(int id) => id >= 0 && id < _tokens.Length ? _tokens[id] : "";

    private static void FlushBytes(List<byte> bytes, StringBuilder sb)
    {
        if (bytes.Count == 0) return;
        sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        bytes.Clear();
    }

    /// <summary>The JSON text of <c>tokenizer.json</c>.</summary>
    public string ToJson()
    {
        var node = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = FormatVersion,
            ["offset_tokens"] = OffsetTokenCount,
            ["tokens"] = new JsonArray(_tokens.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Reads a tokenizer from the JSON text of <c>tokenizer.json</c>, validating its layout.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or the layout is not this tokenizer's.</exception>
    public static PolicyTokenizer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidDataException($"tokenizer.json is not valid JSON: {e.Message}", e); }
        try
        {
            if (root?["format"]?.GetValue<string>() != FormatName)
                throw new InvalidDataException($"tokenizer.json: 'format' must be '{FormatName}'.");
            int version = root["version"]?.GetValue<int>() ?? -1;
            if (version != FormatVersion)
                throw new InvalidDataException($"tokenizer.json: unsupported version {version} (expected {FormatVersion}).");
            int offsets = root["offset_tokens"]?.GetValue<int>() ?? -1;
            if (offsets < 0) throw new InvalidDataException("tokenizer.json: 'offset_tokens' is missing or negative.");
            var tokens = root["tokens"]?.AsArray().Select(n => n?.GetValue<string>()
                ?? throw new InvalidDataException("tokenizer.json: a token is null.")).ToArray()
                ?? throw new InvalidDataException("tokenizer.json: 'tokens' is missing.");
            var prefix = FixedPrefix(offsets);
            if (tokens.Length < prefix.Count)
                throw new InvalidDataException($"tokenizer.json: {tokens.Length} tokens, fewer than the {prefix.Count} fixed ones.");
            for (int i = 0; i < prefix.Count; i++)
                if (!string.Equals(tokens[i], prefix[i], StringComparison.Ordinal))
                    throw new InvalidDataException($"tokenizer.json: token {i} is '{tokens[i]}', expected '{prefix[i]}'.");
            if (tokens.Distinct(StringComparer.Ordinal).Count() != tokens.Length)
                throw new InvalidDataException("tokenizer.json: duplicate tokens.");
            return new PolicyTokenizer(tokens[prefix.Count..], offsets);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"tokenizer.json has a field of the wrong type: {e.Message}", e);
        }
    }

    /// <summary>Writes <c>tokenizer.json</c> to <paramref name="path"/> atomically (temporary file, then move).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AnomSeer.IO.AtomicFile.WriteAllText(path, ToJson());
    }

    /// <summary>Loads a tokenizer saved by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid tokenizer.</exception>
    public static PolicyTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Tokenizer file not found: {path}", path);
        return FromJson(File.ReadAllText(path));
    }

    private static List<string> FixedPrefix(int offsets)
    {
        var list = new List<string>(SpecialTokens.Control);
        list.AddRange(SpecialTokens.Tags);
        for (int k = 0; k < offsets; k++) list.Add(SpecialTokens.Offset(k));
        for (int b = 0; b < 256; b++) list.Add(SpecialTokens.Byte(b));
        for (int d = 0; d < 10; d++) list.Add(((char)('0' + d)).ToString());
        list.Add(" ");
        list.Add("\n");
        return list;
    }
}
