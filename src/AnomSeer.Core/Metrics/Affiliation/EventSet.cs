namespace AnomSeer.Metrics.Affiliation;

/// <summary>
/// Validation, sorting and merging of the interval lists given to the affiliation metrics.
/// </summary>
internal static class EventSet
{
    /// <summary>
    /// Copies <paramref name="source"/> into <paramref name="buffer"/>, checks that every interval is non-empty
    /// and inside <c>[rangeStart, rangeEnd]</c>, sorts by start and merges overlapping or touching intervals.
    /// </summary>
    /// <returns>The number of merged intervals at the front of <paramref name="buffer"/>.</returns>
    /// <exception cref="ArgumentException">An interval is empty or outside the range; names <paramref name="paramName"/>.</exception>
    public static int SortAndMerge(IReadOnlyList<AnomalyInterval> source, Span<AnomalyInterval> buffer, int rangeStart, int rangeEnd, string paramName)
    {
        int count = source.Count;
        for (int i = 0; i < count; i++)
        {
            var interval = source[i];
            // default(AnomalyInterval) bypasses the constructor's check, so emptiness is checked here too.
            if (interval.End <= interval.Start)
                throw new ArgumentException($"Interval {i} ({interval}) is empty; affiliation events must have positive length.", paramName);
            if (interval.Start < rangeStart || interval.End > rangeEnd)
                throw new ArgumentException($"Interval {i} ({interval}) lies outside the range [{rangeStart}, {rangeEnd}].", paramName);
            buffer[i] = interval;
        }

        var events = buffer[..count];
        if (!IsSorted(events))
            events.Sort(static (x, y) => x.Start.CompareTo(y.Start));

        int merged = 0;
        for (int i = 0; i < count; i++)
        {
            var next = events[i];
            if (merged > 0 && next.Start <= events[merged - 1].End)
            {
                var last = events[merged - 1];
                if (next.End > last.End)
                    events[merged - 1] = new AnomalyInterval(last.Start, next.End);
            }
            else
            {
                events[merged++] = next;
            }
        }
        return merged;
    }

    private static bool IsSorted(ReadOnlySpan<AnomalyInterval> events)
    {
        for (int i = 1; i < events.Length; i++)
        {
            if (events[i].Start < events[i - 1].Start)
                return false;
        }
        return true;
    }
}
