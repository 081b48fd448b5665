namespace AnomSeer.Metrics;

/// <summary>
/// Operations on sets of half-open integer intervals: clipping to a range, merging overlapping or
/// touching intervals (what turning intervals into a binary vector and back into runs does), lengths
/// and intersections.
/// </summary>
public static class IntervalSet
{
    /// <summary>
    /// Clips every interval to <c>[rangeStart, rangeEnd)</c>, drops the empty ones, sorts them and merges
    /// overlapping or touching ones. The result is the list of maximal runs of the binary vector the
    /// intervals define.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> is null.</exception>
    public static List<AnomalyInterval> ClipAndMerge(IReadOnlyList<AnomalyInterval> intervals, int rangeStart, int rangeEnd)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var buf = new List<(int S, int E)>(intervals.Count);
        foreach (var i in intervals)
        {
            int s = Math.Max(i.Start, rangeStart), e = Math.Min(i.End, rangeEnd);
            if (e > s) buf.Add((s, e));
        }
        buf.Sort();
        var result = new List<AnomalyInterval>(buf.Count);
        int k = 0;
        while (k < buf.Count)
        {
            int s = buf[k].S, e = buf[k].E;
            k++;
            while (k < buf.Count && buf[k].S <= e)
            {
                e = Math.Max(e, buf[k].E);
                k++;
            }
            result.Add(new AnomalyInterval(s, e));
        }
        return result;
    }

    /// <summary>Total length of sorted, disjoint intervals.</summary>
    public static int TotalLength(IReadOnlyList<AnomalyInterval> disjoint)
    {
        ArgumentNullException.ThrowIfNull(disjoint);
        int n = 0;
        foreach (var i in disjoint) n += i.Length;
        return n;
    }

    /// <summary>Length of the intersection of two sorted, disjoint interval lists (a linear merge).</summary>
    public static int IntersectionLength(IReadOnlyList<AnomalyInterval> a, IReadOnlyList<AnomalyInterval> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = 0, j = 0, total = 0;
        while (i < a.Count && j < b.Count)
        {
            int s = Math.Max(a[i].Start, b[j].Start), e = Math.Min(a[i].End, b[j].End);
            if (e > s) total += e - s;
            if (a[i].End < b[j].End) i++;
            else j++;
        }
        return total;
    }

    /// <summary>The binary vector of length <paramref name="length"/> with ones inside the intervals (clipped).</summary>
    public static bool[] ToMask(IReadOnlyList<AnomalyInterval> intervals, int length)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var mask = new bool[length];
        foreach (var i in intervals)
        {
            int s = Math.Clamp(i.Start, 0, length), e = Math.Clamp(i.End, 0, length);
            for (int t = s; t < e; t++) mask[t] = true;
        }
        return mask;
    }

    /// <summary>The maximal runs of true values of a binary vector as half-open intervals.</summary>
    public static List<AnomalyInterval> FromMask(ReadOnlySpan<bool> mask)
    {
        var result = new List<AnomalyInterval>();
        int t = 0;
        while (t < mask.Length)
        {
            if (!mask[t])
            {
                t++;
                continue;
            }
            int s = t;
            while (t < mask.Length && mask[t]) t++;
            result.Add(new AnomalyInterval(s, t));
        }
        return result;
    }
}
