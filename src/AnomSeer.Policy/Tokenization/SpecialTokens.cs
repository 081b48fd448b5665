namespace AnomSeer.Policy.Tokenization;

/// <summary>The special tokens of <see cref="PolicyTokenizer"/>, with their fixed ids.</summary>
public static class SpecialTokens
{
    /// <summary>Padding, id 0.</summary>
    public const string Pad = "<pad>";

    /// <summary>Beginning of a sequence, id 1.</summary>
    public const string BeginOfSequence = "<bos>";

    /// <summary>End of a response, id 2.</summary>
    public const string EndOfSequence = "<eos>";

    /// <summary>Id of <see cref="Pad"/>.</summary>
    public const int PadId = 0;

    /// <summary>Id of <see cref="BeginOfSequence"/>.</summary>
    public const int BeginOfSequenceId = 1;

    /// <summary>Id of <see cref="EndOfSequence"/>.</summary>
    public const int EndOfSequenceId = 2;

    /// <summary>The control tokens (ids 0–2); never produced from text.</summary>
    public static IReadOnlyList<string> Control { get; } = [Pad, BeginOfSequence, EndOfSequence];

    /// <summary>The tags of the prompt and the answer grammar (ids 3–9), matched in text as single tokens.</summary>
    public static IReadOnlyList<string> Tags { get; } =
        ["<image>", "<think>", "</think>", "<answer>", "</answer>", "<class>", "</class>"];

    /// <summary>The text of position-offset token <paramref name="offset"/> (<c>&lt;off_k&gt;</c>); never produced from text.</summary>
    public static string Offset(int offset) => $"<off_{offset}>";

    /// <summary>The text of byte-fallback token <paramref name="value"/> (<c>&lt;0xNN&gt;</c>).</summary>
    public static string Byte(int value) => $"<0x{value:X2}>";
}
