using AnomSeer.Prompts;

namespace AnomSeer.Policy.Tokenization;

/// <summary>Builds a <see cref="PolicyTokenizer"/> deterministically from a corpus (typically the ExpCoT traces).</summary>
public static class PolicyTokenizerBuilder
{
    /// <summary>
    /// Counts the pre-tokenizer's word and punctuation pieces over <paramref name="corpus"/>; those occurring at least
    /// <see cref="PolicyTokenizerOptions.MinFrequency"/> times become tokens, most frequent first (ties in ordinal order),
    /// up to <see cref="PolicyTokenizerOptions.MaxVocabularySize"/>. The pieces of the AnomSeer prompt and of the class
    /// names are always included. The same corpus and options always give the same tokenizer.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="corpus"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static PolicyTokenizer Build(IEnumerable<string?> corpus, PolicyTokenizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new PolicyTokenizerOptions();
        options.Validate();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in corpus)
        {
            if (string.IsNullOrEmpty(text)) continue;
            foreach (var p in PreTokenizer.Split(text))
                if (p.Kind is PreTokenizer.PieceKind.Word or PreTokenizer.PieceKind.Other)
                    counts[p.Text] = counts.GetValueOrDefault(p.Text) + 1;
        }
        var mandatory = new List<string>();
        var seed = new List<string> { AnomSeerPrompt.Build(1000), "[[1, 2], [3, 4]]" };
        seed.AddRange(AnomalyClassNames.All.Select(c => c.ToCanonicalName()));
        foreach (var text in seed)
            foreach (var p in PreTokenizer.Split(text))
                if (p.Kind is PreTokenizer.PieceKind.Word or PreTokenizer.PieceKind.Other && !mandatory.Contains(p.Text))
                    mandatory.Add(p.Text);

        var fixedCount = new PolicyTokenizer([], options.OffsetTokenCount).Count;
        var pieces = new List<string>(mandatory);
        var chosen = new HashSet<string>(mandatory, StringComparer.Ordinal);
        foreach (var (piece, _) in counts.Where(kv => kv.Value >= options.MinFrequency)
                     .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (fixedCount + pieces.Count >= options.MaxVocabularySize) break;
            if (chosen.Add(piece)) pieces.Add(piece);
        }
        return new PolicyTokenizer(pieces, options.OffsetTokenCount);
    }
}
