using System.Globalization;
using System.Text.Json;
using AnomSeer.Data.IO;

namespace AnomSeer.Data.Loaders;

/// <summary>
/// Loads the Numenta Anomaly Benchmark (NAB; method spec f): a root folder holding <c>data/**.csv</c>
/// (<c>timestamp,value</c>) and <c>labels/combined_windows.json</c> (<c>{"dir/file.csv": [[start, end], …]}</c>).
/// </summary>
/// <remarks>
/// Each window's start and end timestamps must match a row's timestamp exactly (an unmatched one is an error,
/// never rounded); a window <c>[start_ts, end_ts]</c> (both ends inclusive in NAB) becomes the half-open index
/// interval <c>[index(start_ts), index(end_ts) + 1)</c> (with a repeated timestamp: the first row for a start, the
/// last for an end). Rows with repeated timestamps are kept, so indices equal row numbers; the timestamps are in
/// <see cref="LabeledSeries.Timestamps"/> (and in <see cref="TimeSeries.Timestamps"/> only when strictly increasing). Labels for files absent from <c>data/</c> are ignored,
/// so a partial copy of NAB loads; a CSV without an entry in the labels is an error.
/// </remarks>
public static class NabLoader
{
    /// <summary>The labels file, relative to the root.</summary>
    public const string WindowsFile = "labels/combined_windows.json";

    /// <summary>The data folder, relative to the root.</summary>
    public const string DataFolder = "data";

    private const string WindowTimestampFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    /// <summary>Loads every CSV under <c>root/data</c>, in ordinal order of their relative paths.</summary>
    /// <param name="root">The NAB root folder.</param>
    /// <param name="progress">Receives the number of files loaded so far.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="DirectoryNotFoundException">No <c>data</c> folder.</exception>
    /// <exception cref="DataFormatException">A malformed CSV or labels file, an unmatched window timestamp, or a CSV missing from the labels.</exception>
    public static IReadOnlyList<LabeledSeries> Load(string root, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string dataDir = Path.Combine(root, DataFolder);
        if (!Directory.Exists(dataDir)) throw new DirectoryNotFoundException($"NAB data folder not found: {dataDir}");
        var windows = LoadWindows(root);
        var files = Directory.EnumerateFiles(dataDir, "*.csv", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataDir, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new List<LabeledSeries>(files.Count);
        foreach (string rel in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(LoadFile(root, rel, windows));
            progress?.Report(result.Count);
        }
        return result;
    }

    /// <summary>Loads one file, e.g. <c>realKnownCause/nyc_taxi.csv</c>, with its windows.</summary>
    /// <exception cref="DataFormatException">Malformed data, an unmatched timestamp, or no labels entry for the file.</exception>
    public static LabeledSeries LoadFile(string root, string relativePath) => LoadFile(root, relativePath, LoadWindows(root));

    /// <summary>Reads <c>labels/combined_windows.json</c>: file → list of (start, end) timestamps, both inclusive.</summary>
    /// <exception cref="FileNotFoundException">No labels file.</exception>
    /// <exception cref="DataFormatException">The file is not of the NAB shape; the message names the entry.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<(DateTime Start, DateTime End)>> LoadWindows(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string path = Path.Combine(root, WindowsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"NAB labels not found: {path}", path);
        var result = new Dictionary<string, IReadOnlyList<(DateTime, DateTime)>>(StringComparer.Ordinal);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new DataFormatException(path, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1, $"not valid JSON: {ex.Message}", ex); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new DataFormatException(path, 0, 0, "expected a JSON object of file → windows");
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                var list = new List<(DateTime, DateTime)>();
                if (entry.Value.ValueKind != JsonValueKind.Array) throw new DataFormatException(path, 0, 0, $"entry '{entry.Name}' is not a list of windows");
                foreach (var w in entry.Value.EnumerateArray())
                {
                    if (w.ValueKind != JsonValueKind.Array || w.GetArrayLength() != 2
                        || w[0].ValueKind != JsonValueKind.String || w[1].ValueKind != JsonValueKind.String
                        || !TryParse(w[0].GetString()!, out var a) || !TryParse(w[1].GetString()!, out var b) || b < a)
                        throw new DataFormatException(path, 0, 0, $"entry '{entry.Name}': window {w.GetRawText()} is not [start, end] timestamps with start <= end");
                    list.Add((a, b));
                }
                result[entry.Name] = list;
            }
        }
        return result;
    }

    private static LabeledSeries LoadFile(string root, string relativePath, IReadOnlyDictionary<string, IReadOnlyList<(DateTime Start, DateTime End)>> windows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        string rel = relativePath.Replace('\\', '/');
        string csv = Path.Combine(root, DataFolder, rel);
        string labelsPath = Path.Combine(root, WindowsFile);
        if (!windows.TryGetValue(rel, out var ws))
            throw new DataFormatException(labelsPath, 0, 0, $"no entry for '{rel}' (a NAB file without anomalies has an empty list)");
        var s = CsvSeriesLoader.Load(csv, new CsvSeriesOptions { RequireIncreasingTimestamps = false }, rel);
        var ts = s.Timestamps ?? throw new DataFormatException(csv, 1, 0, "NAB files need a timestamp column");
        // Some NAB files repeat a timestamp (daylight-saving artefacts): a window starts at the first row with
        // its start timestamp and ends at the last row with its end timestamp.
        var first = new Dictionary<DateTime, int>(ts.Count);
        var last = new Dictionary<DateTime, int>(ts.Count);
        for (int i = 0; i < ts.Count; i++)
        {
            first.TryAdd(ts[i], i);
            last[ts[i]] = i;
        }
        var intervals = new List<AnomalyInterval>(ws.Count);
        foreach (var (a, b) in ws)
        {
            if (!first.TryGetValue(a, out int ia))
                throw new DataFormatException(labelsPath, 0, 0, $"'{rel}': window start {a:yyyy-MM-dd HH:mm:ss.ffffff} matches no timestamp of the series");
            if (!last.TryGetValue(b, out int ib) || ib < ia)
                throw new DataFormatException(labelsPath, 0, 0, $"'{rel}': window end {b:yyyy-MM-dd HH:mm:ss.ffffff} matches no timestamp of the series");
            intervals.Add(new AnomalyInterval(ia, ib + 1));
        }
        return new LabeledSeries(rel, s.Series, intervals, ts);
    }

    private static bool TryParse(string text, out DateTime value) =>
        DateTime.TryParseExact(text, WindowTimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value)
        || CsvSeriesLoader.TryParseTimestamp(text, null, out value);
}
