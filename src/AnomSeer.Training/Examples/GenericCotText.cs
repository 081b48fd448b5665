using System.Globalization;
using System.Text;

namespace AnomSeer.Training;

/// <summary>
/// The generic chain-of-thought of the "w/o ExpCoT" ablation (spec e.2 Table 2, "GenCoT"): a plain explanation written
/// from the ground truth alone, with no statistic, detector or analysis in it. The paper does not publish its text
/// (spec g.9); this is the library's stand-in, deterministic for a given ground truth.
/// </summary>
public static class GenericCotText
{
    /// <summary>Builds the generic explanation of a ground truth.</summary>
    /// <param name="groundTruth">The ground-truth half-open intervals (may be empty).</param>
    /// <param name="groundTruthClass">The ground-truth class, or null when unknown.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groundTruth"/> is null.</exception>
    public static string Build(IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass? groundTruthClass)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        var text = new StringBuilder("Looking at the plot, I check whether any part of the series behaves differently from the rest. ");
        if (groundTruth.Count == 0)
        {
            text.Append("The series looks consistent throughout, so I conclude that there is no anomaly.");
        }
        else
        {
            text.Append("Some parts of the series look different from the rest, so I mark them as anomalous: ");
            text.AppendJoin(", ", groundTruth.Select(i => string.Create(CultureInfo.InvariantCulture, $"[{i.Start}, {i.End}]")));
            text.Append('.');
        }
        if (groundTruthClass is { } c)
            text.Append(" Overall, the anomaly type is ").Append(c.ToCanonicalName()).Append('.');
        return text.ToString();
    }
}
