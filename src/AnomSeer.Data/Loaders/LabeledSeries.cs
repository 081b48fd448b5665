namespace AnomSeer.Data.Loaders;

/// <summary>A real (or any) series with its ground-truth anomalous intervals, as the loaders return it.</summary>
public sealed class LabeledSeries
{
    /// <summary>Creates a labelled series.</summary>
    /// <param name="name">Name, e.g. the file's path relative to its data folder.</param>
    /// <param name="series">The values and optional timestamps.</param>
    /// <param name="intervals">Half-open intervals within the series; stored sorted by start.</param>
    /// <param name="timestamps">Row timestamps when they are not strictly increasing (and so cannot live in
    /// <paramref name="series"/>), e.g. NAB's repeated daylight-saving hours; null to use the series' own.</param>
    /// <exception cref="ArgumentException">An interval ends past the series end, or a timestamp count mismatch.</exception>
    public LabeledSeries(string name, TimeSeries series, IEnumerable<AnomalyInterval> intervals, IReadOnlyList<DateTime>? timestamps = null)
    {
        if (timestamps is not null && series is not null && timestamps.Count != series.Length)
            throw new ArgumentException($"Series '{name}': {timestamps.Count} timestamps for {series.Length} values.", nameof(timestamps));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(intervals);
        var list = intervals.OrderBy(i => i.Start).ThenBy(i => i.End).ToArray();
        foreach (var iv in list)
            if (iv.End > series.Length)
                throw new ArgumentException($"Series '{name}': interval {iv} ends after the series end ({series.Length}).", nameof(intervals));
        Name = name;
        Series = series;
        Intervals = list;
        Timestamps = timestamps ?? series.Timestamps;
    }

    /// <summary>
    /// The row timestamps, or <see langword="null"/>. Equal to <see cref="TimeSeries.Timestamps"/> of
    /// <see cref="Series"/> unless the source had repeated or decreasing timestamps, which only this list keeps.
    /// </summary>
    public IReadOnlyList<DateTime>? Timestamps { get; }

    /// <summary>Name, e.g. <c>realKnownCause/nyc_taxi.csv</c>.</summary>
    public string Name { get; }

    /// <summary>The values and optional timestamps.</summary>
    public TimeSeries Series { get; }

    /// <summary>Ground-truth intervals, half-open, sorted by start.</summary>
    public IReadOnlyList<AnomalyInterval> Intervals { get; }

    /// <summary>Number of points.</summary>
    public int Length => Series.Length;

    /// <summary>A per-point 0/1 mask of the intervals.</summary>
    public bool[] ToMask()
    {
        var m = new bool[Length];
        foreach (var iv in Intervals) m.AsSpan(iv.Start, iv.Length).Fill(true);
        return m;
    }

    /// <summary>The half-open runs of <c>true</c> in <paramref name="mask"/>.</summary>
    public static AnomalyInterval[] IntervalsFromMask(ReadOnlySpan<bool> mask) => Synthetic.VtaGenerator.Runs(mask);

    /// <inheritdoc />
    public override string ToString() => $"LabeledSeries({Name}, length {Length}, {Intervals.Count} interval(s))";
}
