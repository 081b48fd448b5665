namespace AnomSeer.Metrics;

/// <summary>
/// Point-wise precision, recall and F1 on the binary vectors of length T that intervals define
/// (method spec d.3): index t is positive when it lies in any interval, intervals clipped to <c>[0, T)</c>.
/// Scikit-learn's conventions with <c>zero_division = 0</c>.
/// </summary>
public static class PointwiseMetrics
{
    /// <summary>Computes the metrics without materialising the vectors (O(k log k) in the number of intervals).</summary>
    /// <param name="predicted">Predicted intervals; may overlap; parts beyond <paramref name="length"/> are ignored.</param>
    /// <param name="groundTruth">Ground-truth intervals; may overlap; parts beyond <paramref name="length"/> are ignored.</param>
    /// <param name="length">The series length T, at least 1.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1.</exception>
    public static PointwiseResult Compute(IReadOnlyList<AnomalyInterval> predicted, IReadOnlyList<AnomalyInterval> groundTruth, int length)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);

        var p = IntervalSet.ClipAndMerge(predicted, 0, length);
        var g = IntervalSet.ClipAndMerge(groundTruth, 0, length);
        int predCount = IntervalSet.TotalLength(p);
        int trueCount = IntervalSet.TotalLength(g);
        int tp = IntervalSet.IntersectionLength(p, g);
        return FromCounts(tp, predCount - tp, trueCount - tp);
    }

    /// <summary>The metrics from confusion counts, with zero_division = 0.</summary>
    public static PointwiseResult FromCounts(int truePositives, int falsePositives, int falseNegatives)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(truePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falsePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falseNegatives);
        double precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
        double recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new PointwiseResult(precision, recall, f1, truePositives, falsePositives, falseNegatives);
    }
}
