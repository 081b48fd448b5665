using System.Globalization;
using System.Text;

namespace AnomSeer.Answers;

/// <summary>
/// A small, never-throwing parser for the literals a model writes inside <c>&lt;answer&gt;</c>: the union of
/// JSON and the Python literal syntax the reference accepts through its restricted <c>eval</c> fallback —
/// lists, tuples, dicts, <c>array([...])</c>, numbers (with NaN / Infinity / inf / nan), single- or
/// double-quoted strings, true/false/True/False, null/None, trailing commas.
/// </summary>
internal static class LiteralParser
{
    private const int MaxDepth = 64;

    /// <summary>Parses the whole text as one literal; false when anything is malformed or left over.</summary>
    public static bool TryParse(string text, out LiteralValue? value)
    {
        int pos = 0;
        value = ParseValue(text, ref pos, 0);
        if (value is null) return false;
        SkipWs(text, ref pos);
        if (pos != text.Length)
        {
            value = null;
            return false;
        }
        return true;
    }

    private static LiteralValue? ParseValue(string s, ref int pos, int depth)
    {
        if (depth > MaxDepth) return null;
        SkipWs(s, ref pos);
        if (pos >= s.Length) return null;
        char c = s[pos];
        switch (c)
        {
            case '[':
                pos++;
                return ParseSequence(s, ref pos, ']', depth);
            case '(':
                pos++;
                return ParseSequence(s, ref pos, ')', depth);
            case '{':
                pos++;
                return ParseDict(s, ref pos, depth);
            case '"':
            case '\'':
                return ParseString(s, ref pos);
        }
        if (c == '-' || c == '+' || c == '.' || char.IsAsciiDigit(c))
            return ParseNumber(s, ref pos);
        if (char.IsAsciiLetter(c) || c == '_')
            return ParseWord(s, ref pos, depth);
        return null;
    }

    private static LiteralValue? ParseSequence(string s, ref int pos, char close, int depth)
    {
        var items = new List<LiteralValue>();
        while (true)
        {
            SkipWs(s, ref pos);
            if (pos >= s.Length) return null;
            if (s[pos] == close)
            {
                pos++;
                return new LiteralValue.List(items);
            }
            var v = ParseValue(s, ref pos, depth + 1);
            if (v is null) return null;
            items.Add(v);
            SkipWs(s, ref pos);
            if (pos >= s.Length) return null;
            if (s[pos] == ',')
            {
                pos++;
                continue;
            }
            if (s[pos] != close) return null;
        }
    }

    private static LiteralValue? ParseDict(string s, ref int pos, int depth)
    {
        var entries = new List<KeyValuePair<LiteralValue, LiteralValue>>();
        while (true)
        {
            SkipWs(s, ref pos);
            if (pos >= s.Length) return null;
            if (s[pos] == '}')
            {
                pos++;
                return new LiteralValue.Dict(entries);
            }
            var k = ParseValue(s, ref pos, depth + 1);
            if (k is null) return null;
            SkipWs(s, ref pos);
            if (pos >= s.Length || s[pos] != ':') return null;
            pos++;
            var v = ParseValue(s, ref pos, depth + 1);
            if (v is null) return null;
            entries.Add(new(k, v));
            SkipWs(s, ref pos);
            if (pos >= s.Length) return null;
            if (s[pos] == ',')
            {
                pos++;
                continue;
            }
            if (s[pos] != '}') return null;
        }
    }

    private static LiteralValue? ParseString(string s, ref int pos)
    {
        char quote = s[pos++];
        var sb = new StringBuilder();
        while (pos < s.Length)
        {
            char c = s[pos++];
            if (c == quote) return new LiteralValue.Str(sb.ToString());
            if (c == '\\')
            {
                if (pos >= s.Length) return null;
                char e = s[pos++];
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u':
                        if (pos + 4 > s.Length || !ushort.TryParse(s.AsSpan(pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort code))
                            return null;
                        sb.Append((char)code);
                        pos += 4;
                        break;
                    default: sb.Append(e); break;
                }
            }
            else
            {
                sb.Append(c);
            }
        }
        return null;
    }

    private static LiteralValue? ParseNumber(string s, ref int pos)
    {
        int start = pos;
        if (s[pos] == '+' || s[pos] == '-') pos++;
        // Signed words: -Infinity, -inf, +nan ...
        if (pos < s.Length && char.IsAsciiLetter(s[pos]))
        {
            int w = pos;
            while (pos < s.Length && char.IsAsciiLetter(s[pos])) pos++;
            double? special = SpecialNumber(s.AsSpan(w, pos - w));
            if (special is null) return null;
            return new LiteralValue.Number(s[start] == '-' ? -special.Value : special.Value);
        }
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == '.' || s[pos] == '_')) pos++;
        if (pos < s.Length && (s[pos] == 'e' || s[pos] == 'E'))
        {
            int save = pos;
            pos++;
            if (pos < s.Length && (s[pos] == '+' || s[pos] == '-')) pos++;
            if (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
            }
            else
            {
                pos = save;
            }
        }
        var span = s.AsSpan(start, pos - start);
        if (span.Contains('_'))
        {
            // Python allows digit separators between digits only.
            string t = span.ToString();
            if (t.Contains("__", StringComparison.Ordinal) || t.EndsWith('_') || t.Contains("_.", StringComparison.Ordinal) || t.Contains("._", StringComparison.Ordinal))
                return null;
            span = t.Replace("_", "", StringComparison.Ordinal).AsSpan();
        }
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return null;
        return new LiteralValue.Number(d);
    }

    private static LiteralValue? ParseWord(string s, ref int pos, int depth)
    {
        int start = pos;
        while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] == '_' || s[pos] == '.')) pos++;
        var word = s.AsSpan(start, pos - start);
        switch (word)
        {
            case "true":
            case "True":
                return new LiteralValue.Bool(true);
            case "false":
            case "False":
                return new LiteralValue.Bool(false);
            case "null":
            case "None":
                return new LiteralValue.Null();
        }
        double? special = SpecialNumber(word);
        if (special is not null) return new LiteralValue.Number(special.Value);

        // array([...]) / np.array([...]) / numpy.array([...]) / tuple([...]) / list([...]): the argument's value.
        if (word is "array" or "np.array" or "numpy.array" or "list" or "tuple")
        {
            SkipWs(s, ref pos);
            if (pos >= s.Length || s[pos] != '(') return null;
            pos++;
            var inner = ParseValue(s, ref pos, depth + 1);
            if (inner is null) return null;
            SkipWs(s, ref pos);
            // Optional keyword arguments such as dtype=int are ignored.
            if (pos < s.Length && s[pos] == ',')
            {
                int close = s.IndexOf(')', pos);
                if (close < 0) return null;
                pos = close;
            }
            if (pos >= s.Length || s[pos] != ')') return null;
            pos++;
            return inner;
        }
        return null;
    }

    private static double? SpecialNumber(ReadOnlySpan<char> w) => w switch
    {
        "NaN" or "nan" => double.NaN,
        "Infinity" or "inf" or "Inf" => double.PositiveInfinity,
        _ => null,
    };

    private static void SkipWs(string s, ref int pos)
    {
        while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++;
    }
}
