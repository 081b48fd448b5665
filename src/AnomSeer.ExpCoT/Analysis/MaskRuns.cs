namespace AnomSeer.ExpCoT.Analysis;

/// <summary>Turns a boolean mask into the half-open intervals of its runs of <see langword="true"/>.</summary>
public static class MaskRuns
{
    /// <summary>
    /// The maximal runs of <see langword="true"/> as half-open <see cref="AnomalyInterval"/>s, in order:
    /// <c>[F, T, T, F, T]</c> gives <c>[1, 3), [4, 5)</c>.
    /// </summary>
    public static IReadOnlyList<AnomalyInterval> ToIntervals(ReadOnlySpan<bool> mask)
    {
        var list = new List<AnomalyInterval>();
        int start = -1;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                list.Add(new AnomalyInterval(start, i));
                start = -1;
            }
        }
        if (start >= 0) list.Add(new AnomalyInterval(start, mask.Length));
        return list;
    }
}
