using System.Globalization;
using AnomSeer.Policy.Tokenization;

namespace AnomSeer.Policy.Tiny;

/// <summary>
/// Writes the interval numbers inside <c>&lt;answer&gt;…&lt;/answer&gt;</c> as position tokens: a pointer to the input token
/// whose x-range holds the number (id <c>V + k</c>), then a fine offset token <c>&lt;off_j&gt;</c> with
/// <c>number = floor(start_k) + j</c>. Numbers no target can express fall back to digit tokens. Decoding inverts it.
/// </summary>
internal sealed class PositionCodec
{
    private readonly PolicyTokenizer _tokenizer;
    private readonly int _vocab;
    private readonly int _offsets;
    private readonly int _answerOpen;
    private readonly int _answerClose;

    public PositionCodec(PolicyTokenizer tokenizer, int offsets)
    {
        _tokenizer = tokenizer;
        _vocab = tokenizer.Count;
        _offsets = Math.Min(offsets, tokenizer.OffsetTokenCount);
        _answerOpen = tokenizer.TagId("<answer>");
        _answerClose = tokenizer.TagId("</answer>");
    }

    /// <summary>The integer base <c>floor(start)</c> of each pointer target, or −1 for an empty range.</summary>
    public static int[] Bases(IReadOnlyList<TokenRange> targets)
    {
        var bases = new int[targets.Count];
        for (int k = 0; k < bases.Length; k++)
            bases[k] = targets[k].End > targets[k].Start ? (int)Math.Floor(targets[k].Start) : -1;
        return bases;
    }

    public List<int> Encode(string text, int[] bases)
    {
        var ids = new List<int>();
        int at = 0;
        while (at < text.Length)
        {
            int open = text.IndexOf("<answer>", at, StringComparison.Ordinal);
            if (open < 0) break;
            int start = open + "<answer>".Length;
            int close = text.IndexOf("</answer>", start, StringComparison.Ordinal);
            int end = close < 0 ? text.Length : close;
            _tokenizer.EncodeInto(text[at..open], ids);
            ids.Add(_answerOpen);
            EncodeAnswerBody(text[start..end], bases, ids);
            if (close < 0) return ids;
            ids.Add(_answerClose);
            at = close + "</answer>".Length;
        }
        _tokenizer.EncodeInto(text[at..], ids);
        return ids;
    }

    private void EncodeAnswerBody(string body, int[] bases, List<int> ids)
    {
        int i = 0;
        while (i < body.Length)
        {
            int j = i;
            if (char.IsAsciiDigit(body[i]))
            {
                while (j < body.Length && char.IsAsciiDigit(body[j])) j++;
                var digits = body[i..j];
                if (digits.Length <= 9 && TryPointer(int.Parse(digits, CultureInfo.InvariantCulture), bases, out int k, out int off))
                {
                    ids.Add(_vocab + k);
                    ids.Add(_tokenizer.FirstOffsetId + off);
                }
                else _tokenizer.EncodeInto(digits, ids);
            }
            else
            {
                while (j < body.Length && !char.IsAsciiDigit(body[j])) j++;
                _tokenizer.EncodeInto(body[i..j], ids);
            }
            i = j;
        }
    }

    private bool TryPointer(int value, int[] bases, out int target, out int offset)
    {
        target = -1;
        offset = 0;
        for (int k = 0; k < bases.Length; k++)
            if (bases[k] >= 0 && bases[k] <= value && (target < 0 || bases[k] >= bases[target])) target = k;
        if (target < 0) return false;
        offset = value - bases[target];
        return offset < _offsets;
    }

    public string Decode(IReadOnlyList<int> ids, int[] bases)
    {
        var sb = new System.Text.StringBuilder();
        var run = new List<int>();
        for (int i = 0; i < ids.Count; i++)
        {
            int id = ids[i];
            if (id < _vocab)
            {
                run.Add(id);
                continue;
            }
            sb.Append(_tokenizer.Decode(run));
            run.Clear();
            int k = id - _vocab;
            if (k >= bases.Length || bases[k] < 0) continue;
            int value = bases[k];
            if (i + 1 < ids.Count && _tokenizer.TryGetOffset(ids[i + 1], out int off))
            {
                value += off;
                i++;
            }
            sb.Append(value.ToString(CultureInfo.InvariantCulture));
        }
        sb.Append(_tokenizer.Decode(run));
        return sb.ToString();
    }
}
