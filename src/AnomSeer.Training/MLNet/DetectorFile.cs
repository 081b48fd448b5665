using System.Text.Json;
using System.Text.Json.Serialization;
using AnomSeer.Plotting;

namespace AnomSeer.Training.MLNet;

/// <summary>The content of <c>detector.json</c>: the detector's column names and settings (the weights are the policy
/// checkpoint's files beside it).</summary>
internal sealed record DetectorFile
{
    internal const string FileName = "detector.json";
    internal const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public string SeriesColumn { get; init; } = "";
    public string ReasoningColumn { get; init; } = "";
    public string IntervalsColumn { get; init; } = "";
    public string PredictedClassColumn { get; init; } = "";
    public string? ResponseColumn { get; init; }
    public double Temperature { get; init; }
    public double TopP { get; init; }
    public int MaxResponseTokens { get; init; }
    public int Seed { get; init; }
    public TensorColorMode ColorMode { get; init; }
    public PlotOptions PlotOptions { get; init; } = new();

    internal TimerPoDetectorSettings Settings => new(Temperature, TopP, MaxResponseTokens, Seed, PlotOptions, ColorMode);

    internal static DetectorFile Create(DetectorColumns columns, TimerPoDetectorSettings s) => new()
    {
        SeriesColumn = columns.Series,
        ReasoningColumn = columns.Reasoning,
        IntervalsColumn = columns.Intervals,
        PredictedClassColumn = columns.PredictedClass,
        ResponseColumn = columns.Response,
        Temperature = s.Temperature,
        TopP = s.TopP,
        MaxResponseTokens = s.MaxResponseTokens,
        Seed = s.Seed,
        ColorMode = s.ColorMode,
        PlotOptions = s.PlotOptions,
    };

    internal DetectorColumns Columns => new(SeriesColumn, ReasoningColumn, IntervalsColumn, PredictedClassColumn, ResponseColumn);

    internal string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <exception cref="InvalidDataException">Malformed, of another version, or invalid; the message names the file.</exception>
    internal static DetectorFile FromJson(string json)
    {
        DetectorFile? file;
        try { file = JsonSerializer.Deserialize<DetectorFile>(json, JsonOptions); }
        catch (JsonException e) { throw new InvalidDataException($"{FileName} is not a valid detector description: {e.Message}", e); }
        if (file is null) throw new InvalidDataException($"{FileName} is empty (null).");
        if (file.Version != CurrentVersion)
            throw new InvalidDataException($"{FileName} has version {file.Version}; this library reads version {CurrentVersion}.");
        try
        {
            file.Columns.Validate();
            file.Settings.Validate();
        }
        catch (ArgumentException e) { throw new InvalidDataException($"{FileName} is invalid: {e.Message}", e); }
        return file;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };
}
