using System.Globalization;
using System.Text;

namespace AnomSeer.Answers;

/// <summary>
/// Writes a response in the AnomSeer answer format (method spec b.1):
/// <c>&lt;think&gt;…&lt;/think&gt;\n&lt;answer&gt;[[s, e], …]&lt;/answer&gt;\n&lt;class&gt;…&lt;/class&gt;</c>.
/// </summary>
public static class AnswerFormatter
{
    /// <summary>Formats a full response.</summary>
    /// <param name="reasoning">The reasoning trace placed inside <c>&lt;think&gt;</c>; must not contain the closing tag.</param>
    /// <param name="intervals">The anomalous intervals, written as half-open <c>[start, end]</c> pairs; empty for "no anomaly".</param>
    /// <param name="anomalyClass">The class, written with its canonical name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reasoning"/> or <paramref name="intervals"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasoning"/> contains <c>&lt;/think&gt;</c>, which would end the block early.</exception>
    public static string Format(string reasoning, IEnumerable<AnomalyInterval> intervals, AnomalyClass anomalyClass)
    {
        ArgumentNullException.ThrowIfNull(reasoning);
        ArgumentNullException.ThrowIfNull(intervals);
        if (reasoning.Contains("</think>", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The reasoning must not contain '</think>'.", nameof(reasoning));
        var sb = new StringBuilder(reasoning.Length + 96);
        sb.Append("<think>").Append(reasoning).Append("</think>\n");
        sb.Append("<answer>").Append(FormatIntervals(intervals)).Append("</answer>\n");
        sb.Append("<class>").Append(anomalyClass.ToCanonicalName()).Append("</class>");
        return sb.ToString();
    }

    /// <summary>Formats an interval list as <c>[[s, e], [s, e]]</c>, or <c>[]</c> when empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="intervals"/> is null.</exception>
    public static string FormatIntervals(IEnumerable<AnomalyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var sb = new StringBuilder("[");
        bool first = true;
        foreach (var i in intervals)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append('[').Append(i.Start.ToString(CultureInfo.InvariantCulture)).Append(", ")
              .Append(i.End.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return sb.Append(']').ToString();
    }
}
