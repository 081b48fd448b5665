namespace AnomSeer.Data.Samples;

/// <summary>
/// One labelled sample of a TSAD dataset: an id, where it comes from (suite, task, split), its ground-truth
/// class, the series values and the ground-truth anomalous intervals (half-open). Immutable and validated.
/// </summary>
public sealed class TsadSample
{
    private readonly double[] _values;

    /// <summary>Creates a validated sample.</summary>
    /// <param name="id">Unique id within its dataset, e.g. <c>anomllm-train-range-0000</c>.</param>
    /// <param name="suite">Suite or source, e.g. <c>anomllm</c>, <c>vta</c>, <c>nab</c>.</param>
    /// <param name="task">Task, type or file within the suite, e.g. <c>noisy-freq</c>.</param>
    /// <param name="split">Split, e.g. <c>train</c> or <c>eval</c>.</param>
    /// <param name="class">Ground-truth class; <see langword="null"/> when unknown (real data, or the released-code mapping).</param>
    /// <param name="values">The series, copied; every value finite.</param>
    /// <param name="intervals">Ground-truth intervals; each must end at or before the series end. Stored sorted by start.</param>
    /// <exception cref="ArgumentException">An empty id/suite/task/split, no values, a non-finite value, or an interval past the end (the message says which).</exception>
    public TsadSample(string id, string suite, string task, string split, AnomalyClass? @class,
        IEnumerable<double> values, IEnumerable<AnomalyInterval> intervals)
    {
        Id = RequireText(id, nameof(id));
        Suite = RequireText(suite, nameof(suite));
        Task = RequireText(task, nameof(task));
        Split = RequireText(split, nameof(split));
        if (@class is { } c && !Enum.IsDefined(c))
            throw new ArgumentOutOfRangeException(nameof(@class), c, "Not a defined AnomalyClass.");
        Class = @class;
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(intervals);
        _values = values.ToArray();
        if (_values.Length == 0) throw new ArgumentException($"Sample '{id}' has no values.", nameof(values));
        for (int i = 0; i < _values.Length; i++)
            if (!double.IsFinite(_values[i]))
                throw new ArgumentException($"Sample '{id}': value at index {i} is {_values[i]}; values must be finite.", nameof(values));
        var list = intervals.OrderBy(iv => iv.Start).ThenBy(iv => iv.End).ToArray();
        foreach (var iv in list)
            if (iv.End > _values.Length)
                throw new ArgumentException($"Sample '{id}': interval {iv} ends after the series end ({_values.Length}).", nameof(intervals));
        Intervals = list;
    }

    /// <summary>Unique id within its dataset.</summary>
    public string Id { get; }

    /// <summary>Suite or source (<c>anomllm</c>, <c>vta</c>, <c>nab</c>, ...).</summary>
    public string Suite { get; }

    /// <summary>Task, type or file within the suite.</summary>
    public string Task { get; }

    /// <summary>Split (<c>train</c>, <c>eval</c>, ...).</summary>
    public string Split { get; }

    /// <summary>Ground-truth class, or <see langword="null"/> when unknown.</summary>
    public AnomalyClass? Class { get; }

    /// <summary>Number of points.</summary>
    public int Length => _values.Length;

    /// <summary>The series values.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Ground-truth intervals, half-open, sorted by start.</summary>
    public IReadOnlyList<AnomalyInterval> Intervals { get; }

    /// <summary>The values as a read-only span (no copy).</summary>
    public ReadOnlySpan<double> AsSpan() => _values;

    /// <summary>The values as a <see cref="TimeSeries"/> named after <see cref="Id"/>.</summary>
    public TimeSeries ToTimeSeries() => new(_values, null, Id);

    /// <inheritdoc />
    public override string ToString() => $"TsadSample({Id}, {Suite}/{Task}/{Split}, length {Length}, {Intervals.Count} interval(s))";

    private static string RequireText(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"{name} must not be empty.", name);
        return value;
    }
}
