namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// Histogram-based outlier score (HBOS, Goldstein &amp; Dengel 2012) for a univariate series, the "global scan"
/// of the paper's ExpCoT description (method spec b.3 paper-level description, g.4). The released code uses
/// max |z| &gt; 5 instead; HBOS is offered as a documented alternative.
/// </summary>
/// <remarks>
/// <c>bins</c> equal-width bins span <c>[min, max]</c> (the maximum falls in the last bin, as in numpy's
/// histogram). Heights are normalised so that the fullest bin has height 1, and the score of a point is
/// <c>-ln(height of its bin)</c>: 0 in the fullest bin, larger in sparser bins. A constant series scores 0 everywhere.
/// </remarks>
public static class Hbos
{
    /// <summary>Default number of bins (spec g.4: "a 10-bin histogram").</summary>
    public const int DefaultBins = 10;

    /// <summary>The bin index of every value and the count of every bin.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">Empty input or a value that is not finite.</exception>
    public static (int[] BinOfValue, int[] Counts) Histogram(ReadOnlySpan<double> values, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        InputGuard.RequireLength(values, 1, nameof(values), "HBOS");
        InputGuard.RequireFinite(values, nameof(values));
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var binOf = new int[values.Length];
        var counts = new int[bins];
        double width = (max - min) / bins;
        for (int i = 0; i < values.Length; i++)
        {
            int b = width > 0 ? (int)Math.Floor((values[i] - min) / width) : 0;
            b = Math.Clamp(b, 0, bins - 1);
            binOf[i] = b;
            counts[b]++;
        }
        return (binOf, counts);
    }

    /// <summary>HBOS score of every value: <c>-ln(count of its bin / count of the fullest bin)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">Empty input or a value that is not finite.</exception>
    public static double[] Scores(ReadOnlySpan<double> values, int bins = DefaultBins)
    {
        var (binOf, counts) = Histogram(values, bins);
        int maxCount = counts.Max();
        var scores = new double[values.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = -Math.Log((double)counts[binOf[i]] / maxCount);
        return scores;
    }

    /// <summary>
    /// The global-scan mask: a value is flagged when its HBOS score is at least <paramref name="scoreThreshold"/>
    /// and at least one empty bin separates its bin from the fullest bin, i.e. it belongs to a sparse group of values
    /// detached from the bulk of the distribution.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">Empty input or a value that is not finite.</exception>
    public static bool[] DetachedOutliers(ReadOnlySpan<double> values, double scoreThreshold, int bins = DefaultBins)
    {
        var (binOf, counts) = Histogram(values, bins);
        int mode = Array.IndexOf(counts, counts.Max());
        var detached = new bool[bins];
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] == 0 || b == mode) continue;
            int lo = Math.Min(b, mode), hi = Math.Max(b, mode);
            for (int c = lo + 1; c < hi; c++)
            {
                if (counts[c] == 0)
                {
                    detached[b] = -Math.Log((double)counts[b] / counts[mode]) >= scoreThreshold;
                    break;
                }
            }
        }
        var mask = new bool[values.Length];
        for (int i = 0; i < mask.Length; i++) mask[i] = detached[binOf[i]];
        return mask;
    }
}
