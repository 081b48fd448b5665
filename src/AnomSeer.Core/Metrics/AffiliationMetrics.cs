using System.Buffers;
using AnomSeer.Metrics.Affiliation;

namespace AnomSeer.Metrics;

/// <summary>
/// Exact affiliation precision and recall of Huet, Navarro and Rossi, "Local Evaluation of Time Series
/// Anomaly Detection Algorithms" (KDD 2022), the localisation metric of AnomSeer.
/// </summary>
/// <remarks>
/// <para>
/// Intervals are events on the real line: <c>[Start, End)</c> covers the reals from <c>Start</c> to
/// <c>End</c>, so the event of a run of ones at indices <c>s … e</c> of a binary vector is <c>[s, e + 1)</c>.
/// Each ground-truth event owns an affiliation zone (the points closer to it than to any other event,
/// mirrored at the borders of the range) and is scored only against the predictions inside its zone.
/// </para>
/// <para>
/// Individual precision of event <c>j</c>: the mean, over the predicted points <c>x</c> in zone <c>E_j</c>,
/// of <c>P_{X~U(E_j)}(dist(X, J_j) ≥ dist(x, J_j))</c>; undefined (NaN) when the zone holds no prediction.
/// Individual recall: the mean, over the points <c>y</c> of the event, of
/// <c>P_{X~U(E_j)}(|y − X| ≥ dist(y, I_j))</c>, where <c>I_j</c> is the prediction inside the zone; 0 when
/// there is none. Both are computed by exact closed-form piecewise integrals, not by sampling.
/// </para>
/// </remarks>
public static class AffiliationMetrics
{
    /// <summary>Interval lists up to this size are sorted and merged in stack memory.</summary>
    private const int StackBufferSize = 64;

    /// <summary>
    /// Computes affiliation precision, recall and F1 of <paramref name="predicted"/> against
    /// <paramref name="groundTruth"/> over the range <c>[rangeStart, rangeEnd)</c>.
    /// </summary>
    /// <param name="predicted">Predicted anomalous intervals, in any order; overlapping or touching ones are merged. May be empty.</param>
    /// <param name="groundTruth">Ground-truth anomalous intervals, in any order; overlapping or touching ones are merged. Must not be empty.</param>
    /// <param name="rangeStart">Start of the time range (0 for a series scored from its first index).</param>
    /// <param name="rangeEnd">End of the time range (the series length for a series of indices 0 … T − 1).</param>
    /// <returns>The aggregate metrics and the per-ground-truth-event distances and probabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicted"/> or <paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rangeEnd"/> is not greater than <paramref name="rangeStart"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="groundTruth"/> is empty, or an interval of either list is empty (a default value)
    /// or lies outside <c>[rangeStart, rangeEnd]</c>; the exception names the offending list.
    /// </exception>
    public static AffiliationResult Compute(
        IReadOnlyList<AnomalyInterval> predicted,
        IReadOnlyList<AnomalyInterval> groundTruth,
        int rangeStart,
        int rangeEnd)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (rangeEnd <= rangeStart)
            throw new ArgumentOutOfRangeException(nameof(rangeEnd), rangeEnd, $"rangeEnd ({rangeEnd}) must be greater than rangeStart ({rangeStart}).");
        if (groundTruth.Count == 0)
            throw new ArgumentException("Affiliation metrics need at least one ground-truth interval; apply an empty-set convention before calling.", nameof(groundTruth));

        AnomalyInterval[]? rentedTruth = null, rentedPredicted = null;
        try
        {
            Span<AnomalyInterval> truthBuffer = groundTruth.Count <= StackBufferSize
                ? stackalloc AnomalyInterval[StackBufferSize]
                : (rentedTruth = ArrayPool<AnomalyInterval>.Shared.Rent(groundTruth.Count));
            Span<AnomalyInterval> predictedBuffer = predicted.Count <= StackBufferSize
                ? stackalloc AnomalyInterval[StackBufferSize]
                : (rentedPredicted = ArrayPool<AnomalyInterval>.Shared.Rent(predicted.Count));

            int truthCount = EventSet.SortAndMerge(groundTruth, truthBuffer, rangeStart, rangeEnd, nameof(groundTruth));
            int predictedCount = EventSet.SortAndMerge(predicted, predictedBuffer, rangeStart, rangeEnd, nameof(predicted));
            return Score(truthBuffer[..truthCount], predictedBuffer[..predictedCount], rangeStart, rangeEnd);
        }
        finally
        {
            if (rentedTruth is not null)
                ArrayPool<AnomalyInterval>.Shared.Return(rentedTruth);
            if (rentedPredicted is not null)
                ArrayPool<AnomalyInterval>.Shared.Return(rentedPredicted);
        }
    }

    /// <summary>Scores sorted, merged, validated events.</summary>
    private static AffiliationResult Score(ReadOnlySpan<AnomalyInterval> truth, ReadOnlySpan<AnomalyInterval> predicted, int rangeStart, int rangeEnd)
    {
        int n = truth.Length;
        var precisionDistances = new double[n];
        var recallDistances = new double[n];
        var precisions = new double[n];
        var recalls = new double[n];

        double precisionSum = 0, recallSum = 0;
        int definedPrecisions = 0;
        int first = 0;
        for (int j = 0; j < n; j++)
        {
            var zone = AffiliationZone.Of(truth, j, rangeStart, rangeEnd);

            // Predictions are sorted and disjoint: those reaching into this zone are a contiguous run.
            while (first < predicted.Length && predicted[first].End <= zone.ZoneStart)
                first++;
            int end = first;
            while (end < predicted.Length && predicted[end].Start < zone.ZoneEnd)
                end++;
            var inZone = predicted[first..end];

            if (PrecisionIntegral.Compute(zone, inZone, out precisionDistances[j], out precisions[j]))
            {
                precisionSum += precisions[j];
                definedPrecisions++;
            }
            RecallIntegral.Compute(zone, inZone, out recallDistances[j], out recalls[j]);
            recallSum += recalls[j];
        }

        double precision = definedPrecisions == 0 ? double.NaN : precisionSum / definedPrecisions;
        double recall = recallSum / n;
        double sum = precision + recall;
        double f1 = double.IsNaN(precision) || sum == 0 ? 0.0 : 2.0 * precision * recall / sum;

        return new AffiliationResult(
            precision,
            recall,
            f1,
            truth.ToArray(),
            precisionDistances,
            recallDistances,
            precisions,
            recalls);
    }
}
