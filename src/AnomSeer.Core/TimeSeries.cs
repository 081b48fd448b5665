namespace AnomSeer;

/// <summary>
/// A univariate time series: values, optional timestamps and an optional name. Immutable and validated.
/// </summary>
/// <remarks>
/// Validation: at least one value; values finite unless a <see cref="NonFiniteValuePolicy"/> other than
/// <see cref="NonFiniteValuePolicy.Reject"/> is given; timestamps, when present, of the same count and
/// strictly increasing. The values are copied, so later changes to the caller's array have no effect.
/// </remarks>
public sealed class TimeSeries
{
    private readonly double[] _values;
    private readonly DateTime[]? _timestamps;

    /// <summary>Creates a validated series.</summary>
    /// <param name="values">The observations, oldest first. Copied.</param>
    /// <param name="timestamps">Optional timestamps, one per value, strictly increasing. Copied.</param>
    /// <param name="name">Optional display name (file name, channel, ...).</param>
    /// <param name="nonFinitePolicy">What to do with NaN and infinite values; rejected by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">Empty values, a non-finite value under the policy, a timestamp count
    /// mismatch or timestamps not strictly increasing; the message names the index.</exception>
    public TimeSeries(IEnumerable<double> values, IEnumerable<DateTime>? timestamps = null, string? name = null,
        NonFiniteValuePolicy nonFinitePolicy = NonFiniteValuePolicy.Reject)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values.ToArray();
        if (_values.Length == 0)
            throw new ArgumentException("A time series needs at least one value.", nameof(values));
        ApplyPolicy(_values, nonFinitePolicy);
        NonFinitePolicy = nonFinitePolicy;

        if (timestamps is not null)
        {
            _timestamps = timestamps.ToArray();
            if (_timestamps.Length != _values.Length)
                throw new ArgumentException($"Got {_timestamps.Length} timestamps for {_values.Length} values; they must match one to one.", nameof(timestamps));
            for (int i = 1; i < _timestamps.Length; i++)
            {
                if (_timestamps[i] <= _timestamps[i - 1])
                    throw new ArgumentException($"Timestamps must be strictly increasing: index {i} ({_timestamps[i]:O}) is not after index {i - 1} ({_timestamps[i - 1]:O}).", nameof(timestamps));
            }
        }
        Name = name;
    }

    /// <summary>Creates a validated series from single-precision values; see the main constructor.</summary>
    public static TimeSeries FromSingles(ReadOnlySpan<float> values, string? name = null,
        NonFiniteValuePolicy nonFinitePolicy = NonFiniteValuePolicy.Reject)
    {
        var d = new double[values.Length];
        for (int i = 0; i < d.Length; i++) d[i] = values[i];
        return new TimeSeries(d, null, name, nonFinitePolicy);
    }

    /// <summary>Number of observations.</summary>
    public int Length => _values.Length;

    /// <summary>The observations, oldest first.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The timestamps, or <see langword="null"/> when the series is indexed only by position.</summary>
    public IReadOnlyList<DateTime>? Timestamps => _timestamps;

    /// <summary>Display name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>The policy the series was validated with.</summary>
    public NonFiniteValuePolicy NonFinitePolicy { get; }

    /// <summary>Whether any value is missing (NaN); only possible under <see cref="NonFiniteValuePolicy.AllowMissing"/>.</summary>
    public bool HasMissingValues => Array.Exists(_values, double.IsNaN);

    /// <summary>The observations as a read-only span (no copy).</summary>
    public ReadOnlySpan<double> AsSpan() => _values;

    /// <summary>A copy of the observations.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>A copy of the observations in single precision.</summary>
    public float[] ToSingleArray()
    {
        var f = new float[_values.Length];
        for (int i = 0; i < f.Length; i++) f[i] = (float)_values[i];
        return f;
    }

    /// <inheritdoc />
    public override string ToString() => $"TimeSeries({Name ?? "unnamed"}, length {Length})";

    private static void ApplyPolicy(double[] v, NonFiniteValuePolicy policy)
    {
        if (!Enum.IsDefined(policy))
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown NonFiniteValuePolicy.");
        int firstFinite = -1;
        for (int i = 0; i < v.Length; i++)
        {
            if (double.IsInfinity(v[i]))
                throw new ArgumentException($"Value at index {i} is {v[i]}; infinite values are never accepted.", "values");
            if (double.IsNaN(v[i]))
            {
                if (policy == NonFiniteValuePolicy.Reject)
                    throw new ArgumentException($"Value at index {i} is NaN; pass NonFiniteValuePolicy.AllowMissing or Interpolate to accept missing values.", "values");
            }
            else if (firstFinite < 0)
            {
                firstFinite = i;
            }
        }
        if (policy != NonFiniteValuePolicy.Interpolate) return;
        if (firstFinite < 0)
            throw new ArgumentException("Every value is NaN; nothing to interpolate from.", "values");

        for (int i = 0; i < firstFinite; i++) v[i] = v[firstFinite];
        int last = firstFinite;
        for (int i = firstFinite + 1; i < v.Length; i++)
        {
            if (double.IsNaN(v[i])) continue;
            if (i - last > 1)
            {
                double a = v[last], b = v[i];
                for (int k = last + 1; k < i; k++)
                    v[k] = a + (b - a) * (k - last) / (i - last);
            }
            last = i;
        }
        for (int i = last + 1; i < v.Length; i++) v[i] = v[last];
    }
}
