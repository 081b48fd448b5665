namespace AnomSeer.Data.Loaders;

/// <summary>Options of <see cref="CsvSeriesLoader"/>.</summary>
public sealed class CsvSeriesOptions
{
    /// <summary>Field delimiter; default comma.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Exact timestamp format (invariant culture), or <see langword="null"/> (default) to accept
    /// <c>yyyy-MM-dd HH:mm:ss</c> with optional fractional seconds, and ISO 8601.
    /// </summary>
    public string? TimestampFormat { get; init; }

    /// <summary>What to do with NaN values (an empty value field is NaN); default <see cref="NonFiniteValuePolicy.Reject"/>.</summary>
    public NonFiniteValuePolicy NonFiniteValues { get; init; } = NonFiniteValuePolicy.Reject;

    /// <summary>
    /// Whether timestamps must be strictly increasing (default <see langword="true"/>: a repeated or earlier
    /// timestamp is an error naming the line). When <see langword="false"/>, such rows are kept; the timestamps
    /// are then available only as <see cref="LabeledSeries.Timestamps"/> (real NAB files repeat daylight-saving hours).
    /// </summary>
    public bool RequireIncreasingTimestamps { get; init; } = true;
}
