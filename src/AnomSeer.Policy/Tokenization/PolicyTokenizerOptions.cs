namespace AnomSeer.Policy.Tokenization;

/// <summary>Options of <see cref="PolicyTokenizerBuilder"/>.</summary>
public sealed record PolicyTokenizerOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>A corpus piece becomes a token when it occurs at least twice.</summary>
        public const int MinFrequency = 2;

        /// <summary>At most 4096 tokens in all (the compact model's embedding stays small).</summary>
        public const int MaxVocabularySize = 4096;

        /// <summary>9 offset tokens: a series patch of 8 points plus the exclusive end of the last patch.</summary>
        public const int OffsetTokenCount = 9;
    }

    /// <summary>Minimum number of occurrences for a corpus piece to become a token; at least 1.</summary>
    public int MinFrequency { get; init; } = Defaults.MinFrequency;

    /// <summary>Maximum total number of tokens, fixed ones included.</summary>
    public int MaxVocabularySize { get; init; } = Defaults.MaxVocabularySize;

    /// <summary>Number of position-offset tokens (the pointer head's fine offset within a token's x-range).</summary>
    public int OffsetTokenCount { get; init; } = Defaults.OffsetTokenCount;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        if (MinFrequency < 1) throw new ArgumentOutOfRangeException(nameof(MinFrequency), MinFrequency, "Must be at least 1.");
        if (OffsetTokenCount < 0 || OffsetTokenCount > 4096) throw new ArgumentOutOfRangeException(nameof(OffsetTokenCount), OffsetTokenCount, "Must be in [0, 4096].");
        if (MaxVocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(MaxVocabularySize), MaxVocabularySize, "Must be positive.");
    }
}
