namespace AnomSeer;

/// <summary>
/// A half-open interval <c>[Start, End)</c> of time indices that is anomalous.
/// </summary>
/// <remarks>
/// The AnomSeer answer format and all metrics treat intervals as half-open: index <c>End</c> is not part
/// of the interval, so <c>[3, 5)</c> covers indices 3 and 4 and has <see cref="Length"/> 2.
/// </remarks>
public readonly record struct AnomalyInterval
{
    /// <summary>Creates the half-open interval <c>[start, end)</c>.</summary>
    /// <param name="Start">First anomalous index (inclusive), at least 0.</param>
    /// <param name="End">One past the last anomalous index (exclusive), greater than <paramref name="Start"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unless <c>0 &lt;= Start &lt; End</c>.</exception>
    public AnomalyInterval(int Start, int End)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Start);
        if (End <= Start)
            throw new ArgumentOutOfRangeException(nameof(End), End, $"End ({End}) must be greater than Start ({Start}): intervals are half-open [Start, End).");
        this.Start = Start;
        this.End = End;
    }

    /// <summary>First anomalous index (inclusive).</summary>
    public int Start { get; }

    /// <summary>One past the last anomalous index (exclusive).</summary>
    public int End { get; }

    /// <summary>Number of indices covered, <c>End - Start</c>.</summary>
    public int Length => End - Start;

    /// <summary>Whether <paramref name="index"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(int index) => index >= Start && index < End;

    /// <summary>Whether the two intervals share at least one index.</summary>
    public bool Overlaps(AnomalyInterval other) => Start < other.End && other.Start < End;

    /// <summary>Deconstructs into start and end.</summary>
    public void Deconstruct(out int start, out int end)
    {
        start = Start;
        end = End;
    }

    /// <summary>Formats as <c>[Start, End)</c>.</summary>
    public override string ToString() => $"[{Start}, {End})";
}
