namespace AnomSeer.Answers;

/// <summary>
/// The tolerant parser of model responses, following every rule of the reference reward
/// (method spec b.2). It never throws, whatever the input.
/// </summary>
/// <remarks>
/// <para>Intervals: the <b>last</b> <c>&lt;answer&gt;…&lt;/answer&gt;</c> block counts (tags matched
/// case-insensitively, across lines). No block → "wrong" and format 0. Empty or "none" content → "wrong"
/// and format 0. <c>[]</c> or <c>array([])</c> → the empty list (no anomaly). Otherwise the content is read
/// as a JSON or Python literal list whose items are <c>{"start": s, "end": e}</c> dicts or 2-element
/// lists/tuples; values are truncated to integers; a pair that is not finite, has a negative bound or has
/// <c>start &gt;= end</c> is dropped; <c>end</c> is clipped to <see cref="MaxIndex"/>. No surviving pair →
/// "wrong" (format unchanged).</para>
/// <para>Format: 1 when an answer block exists, a <c>&lt;think&gt;…&lt;/think&gt;</c> block exists, the
/// answer content is not empty/"none", and a <c>&lt;class&gt;</c> tag exists.</para>
/// <para>Class: the first <c>&lt;class&gt;…&lt;/class&gt;</c> block; a JSON list gives its first element, a
/// dict its "prediction", "class", "label" or "type" entry; then case and white space are folded and
/// "contextual"/"global" gain " point" (<see cref="AnomalyClassNames.TryParse"/>).</para>
/// <para>One deviation forced by the types: a pair whose clipped end is not above its start (a start
/// beyond <see cref="MaxIndex"/>), or whose start exceeds <see cref="int.MaxValue"/>, cannot be an
/// <see cref="AnomalyInterval"/> and is dropped too; the reference would keep it and score nothing with it.</para>
/// </remarks>
public static class AnswerParser
{
    /// <summary>The reference's largest index (<c>MAX_LEN = 230400</c>); interval ends are clipped to it.</summary>
    public const int MaxIndex = 230_400;

    private static readonly string[] DictClassKeys = ["prediction", "class", "label", "type"];

    /// <summary>Parses a response. Never throws; <see langword="null"/> is treated as the empty string.</summary>
    public static ParsedAnswer Parse(string? response)
    {
        string text = response ?? string.Empty;
        string? reasoning = FindFirst(text, "<think>", "</think>");
        string? answer = FindLast(text, "<answer>", "</answer>");
        string? classText = FindFirst(text, "<class>", "</class>");

        IReadOnlyList<AnomalyInterval>? intervals;
        bool format;
        if (answer is null)
        {
            intervals = null;
            format = false;
        }
        else
        {
            format = reasoning is not null;
            string content = answer.Trim();
            if (content.Length == 0 || content.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                intervals = null;
                format = false;
            }
            else if (content is "[]" or "array([])")
            {
                intervals = [];
            }
            else
            {
                intervals = ParseIntervals(content);
            }
        }

        if (classText is null) format = false;
        AnomalyClass? cls = classText is null ? null : ParseClass(classText);
        return new ParsedAnswer(intervals, cls, format) { Reasoning = reasoning };
    }

    /// <summary>Reads an interval list (the content of an answer block); <see langword="null"/> when nothing valid survives.</summary>
    internal static IReadOnlyList<AnomalyInterval>? ParseIntervals(string content)
    {
        if (!LiteralParser.TryParse(content, out var value) || value is not LiteralValue.List list)
            return null;
        var result = new List<AnomalyInterval>(list.Items.Count);
        foreach (var item in list.Items)
        {
            LiteralValue? s = null, e = null;
            switch (item)
            {
                case LiteralValue.Dict d:
                    s = d.Get("start");
                    e = d.Get("end");
                    break;
                case LiteralValue.List { Items.Count: 2 } pair:
                    s = pair.Items[0];
                    e = pair.Items[1];
                    break;
            }
            if (s is null || e is null) continue;
            if (!TryInt(s, out double start) || !TryInt(e, out double end)) continue;
            if (start < 0 || end < 0 || start >= end) continue;
            end = Math.Min(end, MaxIndex);
            if (start >= end || start > int.MaxValue) continue;
            result.Add(new AnomalyInterval((int)start, (int)end));
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>Parses class text the way the reference does; <see langword="null"/> when it is not a class.</summary>
    internal static AnomalyClass? ParseClass(string classText)
    {
        string name = classText;
        if (LiteralParser.TryParse(classText.Trim(), out var v))
        {
            switch (v)
            {
                case LiteralValue.List { Items.Count: > 0 } l:
                    name = AsText(l.Items[0]) ?? name;
                    break;
                case LiteralValue.Dict d:
                    foreach (var key in DictClassKeys)
                    {
                        if (d.Get(key) is { } hit)
                        {
                            name = AsText(hit) ?? name;
                            break;
                        }
                    }
                    break;
                case LiteralValue.Str str:
                    name = str.Value;
                    break;
            }
        }
        return AnomalyClassNames.TryParse(name, out var c) ? c : null;
    }

    private static string? AsText(LiteralValue v) => v is LiteralValue.Str s ? s.Value : null;

    /// <summary>Python's int() of a number: truncation toward zero; strings of digits are accepted.</summary>
    private static bool TryInt(LiteralValue v, out double value)
    {
        switch (v)
        {
            case LiteralValue.Number n when double.IsFinite(n.Value):
                value = Math.Truncate(n.Value);
                return true;
            case LiteralValue.Bool b:
                value = b.Value ? 1 : 0;
                return true;
            case LiteralValue.Str s when long.TryParse(s.Value.Trim(), System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out long l):
                value = l;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The content of the first <c>open…close</c> block (non-greedy), or null.</summary>
    private static string? FindFirst(string text, string open, string close)
    {
        int o = text.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (o < 0) return null;
        int start = o + open.Length;
        int c = text.IndexOf(close, start, StringComparison.OrdinalIgnoreCase);
        return c < 0 ? null : text[start..c];
    }

    /// <summary>
    /// The content of the last non-overlapping <c>open…close</c> match scanning left to right, as
    /// <c>re.findall(open + "(.*?)" + close)[-1]</c> would give.
    /// </summary>
    private static string? FindLast(string text, string open, string close)
    {
        string? last = null;
        int from = 0;
        while (from <= text.Length)
        {
            int o = text.IndexOf(open, from, StringComparison.OrdinalIgnoreCase);
            if (o < 0) break;
            int start = o + open.Length;
            int c = text.IndexOf(close, start, StringComparison.OrdinalIgnoreCase);
            if (c < 0) break;
            last = text[start..c];
            from = c + close.Length;
        }
        return last;
    }
}
