using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Windowing;

/// <summary>
/// Cuts long series into windows of at most <c>maxLength</c> points (the image the model sees has ≤ 1000
/// points; spec f, g.11), mapping labels consistently.
/// </summary>
/// <remarks>
/// Windows start at 0, stride, 2·stride, …; when the last regular window would not reach the end, one final
/// window is aligned to the end, so every point is covered. A series no longer than <c>maxLength</c> is one
/// window. Each window's intervals are the source intervals intersected with the window and shifted by its
/// offset (an interval that crosses a window boundary is split between windows).
/// </remarks>
public static class SeriesWindowing
{
    /// <summary>The default window length, 1000 (the AnomLLM series length; spec g.11).</summary>
    public const int DefaultMaxLength = 1000;

    /// <summary>Cuts <paramref name="source"/> into windows.</summary>
    /// <param name="source">The series.</param>
    /// <param name="maxLength">Window length; default 1000.</param>
    /// <param name="stride">Step between window starts; default <paramref name="maxLength"/> (no overlap).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> below 2, or <paramref name="stride"/> not in [1, maxLength].</exception>
    public static IReadOnlyList<SeriesWindow> Slide(LabeledSeries source, int maxLength = DefaultMaxLength, int? stride = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        int step = stride ?? maxLength;
        if (step < 1 || step > maxLength)
            throw new ArgumentOutOfRangeException(nameof(stride), step, $"The stride must be between 1 and the window length ({maxLength}).");
        int n = source.Length;
        if (n <= maxLength) return [new SeriesWindow(source, 0)];

        var starts = new List<int>();
        for (int s = 0; s + maxLength <= n; s += step) starts.Add(s);
        if (starts[^1] + maxLength < n) starts.Add(n - maxLength);
        return starts.Select(s => new SeriesWindow(Cut(source, s, maxLength), s)).ToArray();
    }

    /// <summary>The window <c>[offset, offset + length)</c> of <paramref name="source"/> with clipped, shifted intervals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window does not lie inside the series.</exception>
    public static LabeledSeries Cut(LabeledSeries source, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (offset < 0 || length < 1 || offset + length > source.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Window [{offset}, {offset + length}) is not inside the series of length {source.Length}.");
        var values = source.Series.AsSpan().Slice(offset, length).ToArray();
        var raw = source.Timestamps is { } t ? Enumerable.Range(offset, length).Select(i => t[i]).ToArray() : null;
        var ts = source.Series.Timestamps is not null ? raw : null;
        var series = new TimeSeries(values, ts, $"{source.Name}[{offset}:{offset + length}]", source.Series.NonFinitePolicy);
        var intervals = new List<AnomalyInterval>();
        foreach (var iv in source.Intervals)
        {
            int s = Math.Max(iv.Start, offset), e = Math.Min(iv.End, offset + length);
            if (s < e) intervals.Add(new AnomalyInterval(s - offset, e - offset));
        }
        return new LabeledSeries(series.Name!, series, intervals, raw);
    }
}
