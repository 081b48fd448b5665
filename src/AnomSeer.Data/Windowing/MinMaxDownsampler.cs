using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Windowing;

/// <summary>
/// Downsamples a long series to at most <c>maxPoints</c> points while keeping its extremes: the series is split
/// into <c>maxPoints / 2</c> equal buckets (bucket b covers <c>[⌊b·n/B⌋, ⌊(b+1)·n/B⌋)</c>) and each bucket keeps its
/// minimum and its maximum point, in time order (one point when they coincide). A one-point spike is therefore
/// always kept, at its exact value.
/// </summary>
/// <remarks>
/// Labels: an output point is anomalous exactly when its bucket overlaps a source interval, so each source
/// interval maps to the output points of the buckets it touches (a half-open output interval); overlapping
/// results merge. The output timestamps, when present, are those of the kept points.
/// </remarks>
public static class MinMaxDownsampler
{
    /// <summary>Downsamples <paramref name="source"/>; a series of at most <paramref name="maxPoints"/> points is returned unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPoints"/> is below 2.</exception>
    public static DownsampledSeries Downsample(LabeledSeries source, int maxPoints = SeriesWindowing.DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        int n = source.Length;
        if (n <= maxPoints) return new DownsampledSeries(source, Enumerable.Range(0, n).ToArray());

        var v = source.Series.AsSpan();
        int buckets = maxPoints / 2;
        var kept = new List<int>(maxPoints);
        var firstOut = new int[buckets];
        var endOut = new int[buckets];
        for (int b = 0; b < buckets; b++)
        {
            int lo = (int)((long)b * n / buckets), hi = (int)((long)(b + 1) * n / buckets);
            int iMin = lo, iMax = lo;
            for (int i = lo + 1; i < hi; i++)
            {
                if (v[i] < v[iMin] || double.IsNaN(v[iMin])) iMin = i;
                if (v[i] > v[iMax] || double.IsNaN(v[iMax])) iMax = i;
            }
            firstOut[b] = kept.Count;
            if (iMin == iMax) kept.Add(iMin);
            else
            {
                kept.Add(Math.Min(iMin, iMax));
                kept.Add(Math.Max(iMin, iMax));
            }
            endOut[b] = kept.Count;
        }

        var values = new double[kept.Count];
        for (int k = 0; k < values.Length; k++) values[k] = v[kept[k]];
        var raw = source.Timestamps is { } t ? kept.Select(i => t[i]).ToArray() : null;
        var series = new TimeSeries(values, source.Series.Timestamps is not null ? raw : null, source.Name, source.Series.NonFinitePolicy);
        var mask = new bool[values.Length];
        foreach (var iv in source.Intervals)
        {
            int bs = BucketOf(iv.Start, n, buckets), be = BucketOf(iv.End - 1, n, buckets);
            mask.AsSpan(firstOut[bs], endOut[be] - firstOut[bs]).Fill(true);
        }
        return new DownsampledSeries(new LabeledSeries(source.Name, series, LabeledSeries.IntervalsFromMask(mask), raw), kept);
    }

    // The bucket b with ⌊b·n/B⌋ <= i < ⌊(b+1)·n/B⌋.
    private static int BucketOf(int i, int n, int buckets)
    {
        int b = (int)(((long)i * buckets + buckets - 1) / n); // first guess, then correct by at most one step
        b = Math.Clamp(b, 0, buckets - 1);
        while (b > 0 && (long)b * n / buckets > i) b--;
        while (b < buckets - 1 && (long)(b + 1) * n / buckets <= i) b++;
        return b;
    }
}
