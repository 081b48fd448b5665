using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny;

/// <summary>Targets, loss and read-out of the auxiliary per-token anomaly head.</summary>
public static class AnomalyHeadTargets
{
    /// <summary>
    /// Per token <c>[label, start, end]</c>: label 1 when the token's x-range overlaps a ground-truth interval; start and
    /// end are where the overlapped part begins and ends, as fractions of the range (0 and 0 for label 0).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static float[] Build(IReadOnlyList<TokenRange> ranges, IReadOnlyList<AnomalyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(intervals);
        var t = new float[ranges.Count * 3];
        for (int k = 0; k < ranges.Count; k++)
        {
            var r = ranges[k];
            if (r.Width <= 0) continue;
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (var iv in intervals)
            {
                double a = Math.Max(r.Start, iv.Start), e = Math.Min(r.End, iv.End);
                if (e <= a) continue;
                lo = Math.Min(lo, a);
                hi = Math.Max(hi, e);
            }
            if (hi <= lo) continue;
            t[3 * k] = 1;
            t[3 * k + 1] = (float)((lo - r.Start) / r.Width);
            t[3 * k + 2] = (float)((hi - r.Start) / r.Width);
        }
        return t;
    }

    /// <summary>
    /// The head's loss: masked mean binary cross-entropy of the logit, plus the masked mean absolute error of the start and
    /// end fractions over the anomalous tokens. Shapes: <c>[B, N, 3]</c>, <c>[B, N]</c>, <c>[B, N, 3]</c>.
    /// </summary>
    public static Tensor Loss(Tensor prediction, Tensor mask, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var label = targets[.., .., 0];
        var bce = nn.functional.binary_cross_entropy_with_logits(prediction[.., .., 0], label, reduction: nn.Reduction.None);
        var cls = (bce * mask).sum() / mask.sum().AtLeast(1.0);
        var pos = label * mask;
        var l1 = (prediction[.., .., 1..] - targets[.., .., 1..]).abs().sum(-1);
        var reg = (l1 * pos).sum() / pos.sum().AtLeast(1.0);
        return (cls + reg).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Reads intervals from one row of head outputs (<c>[N · 3]</c>, as <see cref="AnomalyHeadPrediction.RowOf"/>): runs of
    /// adjacent tokens of the same kind (consecutive ranges) whose probability exceeds <paramref name="threshold"/> form an
    /// interval, its ends refined by the first token's start fraction and the last token's end fraction.
    /// </summary>
    /// <exception cref="ArgumentException">The row length does not match the ranges.</exception>
    public static IReadOnlyList<AnomalyInterval> ReadIntervals(ReadOnlySpan<float> row, IReadOnlyList<TokenRange> ranges,
        int seriesLength, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        if (row.Length != ranges.Count * 3)
            throw new ArgumentException($"Expected {ranges.Count * 3} values, got {row.Length}.", nameof(row));
        var found = new List<AnomalyInterval>();
        int k = 0;
        while (k < ranges.Count)
        {
            if (!IsOn(row, k, threshold) || ranges[k].Width <= 0) { k++; continue; }
            int j = k;
            while (j + 1 < ranges.Count && IsOn(row, j + 1, threshold) && Math.Abs(ranges[j + 1].Start - ranges[j].End) < 1e-9) j++;
            double s = ranges[k].Start + Math.Clamp(row[3 * k + 1], 0f, 1f) * ranges[k].Width;
            double e = ranges[j].Start + Math.Clamp(row[3 * j + 2], 0f, 1f) * ranges[j].Width;
            int si = Math.Clamp((int)Math.Round(s), 0, seriesLength), ei = Math.Clamp((int)Math.Round(e), 0, seriesLength);
            if (ei > si) found.Add(new AnomalyInterval(si, ei));
            k = j + 1;
        }
        return found;
    }

    private static bool IsOn(ReadOnlySpan<float> row, int k, double threshold) => 1.0 / (1.0 + Math.Exp(-row[3 * k])) > threshold;
}
