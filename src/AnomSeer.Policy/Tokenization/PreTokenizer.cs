namespace AnomSeer.Policy.Tokenization;

/// <summary>
/// Splits text into pieces: tags, single digits, words (letter runs, with one leading space when preceded by it), single
/// punctuation characters (also with one leading space), and single whitespace characters.
/// </summary>
internal static class PreTokenizer
{
    internal enum PieceKind { Tag, Digit, Word, Other }

    internal readonly record struct Piece(string Text, PieceKind Kind);

    public static IEnumerable<Piece> Split(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '<' && MatchTag(text, i) is { } tag)
            {
                yield return new Piece(tag, PieceKind.Tag);
                i += tag.Length;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                yield return new Piece(c.ToString(), PieceKind.Digit);
                i++;
                continue;
            }
            int start = i;
            bool space = c == ' ' && i + 1 < text.Length;
            int j = space ? i + 1 : i;
            char n = text[j];
            if (char.IsLetter(n))
            {
                j++;
                while (j < text.Length && char.IsLetter(text[j])) j++;
                yield return new Piece(text[start..j], PieceKind.Word);
                i = j;
                continue;
            }
            if (space && (char.IsWhiteSpace(n) || char.IsAsciiDigit(n) || (n == '<' && MatchTag(text, j) is not null)))
            {
                yield return new Piece(" ", PieceKind.Other);
                i++;
                continue;
            }
            int len = char.IsHighSurrogate(n) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1]) ? 2 : 1;
            yield return new Piece(text[start..(j + len)], PieceKind.Other);
            i = j + len;
        }
    }

    private static string? MatchTag(string text, int at)
    {
        foreach (var tag in SpecialTokens.Tags)
            if (string.CompareOrdinal(text, at, tag, 0, tag.Length) == 0 && at + tag.Length <= text.Length)
                return tag;
        return null;
    }
}
