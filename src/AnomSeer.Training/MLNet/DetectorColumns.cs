namespace AnomSeer.Training.MLNet;

/// <summary>The column names a <see cref="TimerPoDetector"/> reads and writes.</summary>
internal sealed record DetectorColumns(string Series, string Reasoning, string Intervals, string PredictedClass, string? Response)
{
    internal static DetectorColumns From(TimerPoDetectorOptions o) =>
        new(o.SeriesColumnName, o.ReasoningColumnName, o.IntervalsColumnName, o.PredictedClassColumnName, o.ResponseColumnName);

    /// <exception cref="ArgumentException">A name is blank.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Series, "series column");
        ArgumentException.ThrowIfNullOrWhiteSpace(Reasoning, "reasoning column");
        ArgumentException.ThrowIfNullOrWhiteSpace(Intervals, "intervals column");
        ArgumentException.ThrowIfNullOrWhiteSpace(PredictedClass, "class column");
        if (Response is not null) ArgumentException.ThrowIfNullOrWhiteSpace(Response, "response column");
    }
}
