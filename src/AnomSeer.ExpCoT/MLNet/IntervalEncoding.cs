namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// Intervals in ML.NET columns: a variable-length numeric vector <c>[s0, e0, s1, e1, …]</c> of half-open pairs.
/// </summary>
public static class IntervalEncoding
{
    /// <summary>Flattens intervals to <c>[s0, e0, s1, e1, …]</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> is null.</exception>
    public static int[] Flatten(IEnumerable<AnomalyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var list = new List<int>();
        foreach (var i in intervals)
        {
            list.Add(i.Start);
            list.Add(i.End);
        }
        return list.ToArray();
    }

    /// <summary>Reads <c>[s0, e0, s1, e1, …]</c> back into intervals.</summary>
    /// <param name="flat">An even number of integral values, each pair with <c>0 ≤ s &lt; e</c>.</param>
    /// <param name="columnName">Named in the error message.</param>
    /// <exception cref="FormatException">An odd count, a non-integral value or an invalid pair; the message names the column.</exception>
    public static AnomalyInterval[] Unflatten(ReadOnlySpan<double> flat, string columnName)
    {
        if (flat.Length % 2 != 0)
            throw new FormatException($"Column '{columnName}' must hold pairs [start, end, start, end, ...]; got {flat.Length} values.");
        var result = new AnomalyInterval[flat.Length / 2];
        for (int k = 0; k < result.Length; k++)
        {
            double s = flat[2 * k], e = flat[2 * k + 1];
            if (s != Math.Floor(s) || e != Math.Floor(e) || s < 0 || e <= s || e > int.MaxValue)
                throw new FormatException($"Column '{columnName}' pair {k} is [{s}, {e}]; expected integers with 0 <= start < end.");
            result[k] = new AnomalyInterval((int)s, (int)e);
        }
        return result;
    }
}
