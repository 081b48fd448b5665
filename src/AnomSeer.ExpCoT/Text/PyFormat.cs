using System.Globalization;
using System.Text;

namespace AnomSeer.ExpCoT.Text;

/// <summary>Number and interval formatting as the released Python code prints them (invariant culture).</summary>
internal static class PyFormat
{
    /// <summary>Python <c>f"{v:.Nf}"</c>.</summary>
    public static string Fixed(double v, int decimals) => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Python <c>str(float)</c>: shortest round-trip, with ".0" on integral values (3.0, 3.5).</summary>
    public static string Float(double v)
    {
        string s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') || !double.IsFinite(v) ? s : s + ".0";
    }

    /// <summary>Python <c>str(int)</c>.</summary>
    public static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Intervals as <c>"[s, e], [s, e]"</c> (no outer brackets); <c>"[]"</c> when empty (spec b.3 step 4).</summary>
    public static string Intervals(IReadOnlyList<AnomalyInterval> intervals)
    {
        if (intervals.Count == 0) return "[]";
        var sb = new StringBuilder();
        for (int i = 0; i < intervals.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append('[').Append(Int(intervals[i].Start)).Append(", ").Append(Int(intervals[i].End)).Append(']');
        }
        return sb.ToString();
    }
}
