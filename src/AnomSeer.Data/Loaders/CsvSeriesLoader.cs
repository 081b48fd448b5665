using System.Globalization;
using AnomSeer.Data.IO;

namespace AnomSeer.Data.Loaders;

/// <summary>
/// Loads a univariate series from CSV (invariant culture). Columns are taken from a header when the first line
/// names a <c>value</c> column (and optionally <c>timestamp</c> and <c>label</c>, in any order, case-insensitive);
/// without a header, 1 column is <c>value</c>, 2 are <c>timestamp,value</c>, 3 are <c>timestamp,value,label</c>.
/// Labels are 0/1 per point; their runs become half-open intervals. Intervals can instead come from a separate
/// file (<see cref="LoadIntervals"/>). A malformed row throws <see cref="DataFormatException"/> naming the file,
/// line and column; rows are never skipped silently (only blank lines are ignored).
/// </summary>
public static class CsvSeriesLoader
{
    private static readonly string[] DefaultTimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>Loads <paramref name="path"/>; intervals come from a <c>label</c> column if present, else none.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">Parsing options; defaults when null.</param>
    /// <param name="name">Name of the result; the file name when null.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="DataFormatException">A malformed header or row (file, line and column in the message).</exception>
    public static LabeledSeries Load(string path, CsvSeriesOptions? options = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new CsvSeriesOptions();
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file not found: {path}", path);

        var values = new List<double>();
        var timestamps = new List<DateTime>();
        var labels = new List<bool>();
        int valueCol = -1, timeCol = -1, labelCol = -1, columns = -1;
        int lineNumber = 0;
        bool increasing = true;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] fields = line.Split(options.Delimiter);
            if (columns < 0)
            {
                columns = fields.Length;
                int v = Array.FindIndex(fields, f => Is(f, "value"));
                if (v >= 0)
                {
                    valueCol = v;
                    timeCol = Array.FindIndex(fields, f => Is(f, "timestamp"));
                    labelCol = Array.FindIndex(fields, f => Is(f, "label"));
                    continue; // header line
                }
                (timeCol, valueCol, labelCol) = columns switch
                {
                    1 => (-1, 0, -1),
                    2 => (0, 1, -1),
                    3 => (0, 1, 2),
                    _ => throw new DataFormatException(path, lineNumber, 0,
                        $"{columns} columns and no header naming a 'value' column; expected value, timestamp,value or timestamp,value,label"),
                };
            }
            if (fields.Length != columns)
                throw new DataFormatException(path, lineNumber, 0, $"expected {columns} fields, found {fields.Length}");

            string vf = fields[valueCol].Trim();
            double value;
            if (vf.Length == 0 || vf.Equals("nan", StringComparison.OrdinalIgnoreCase)) value = double.NaN;
            else if (!double.TryParse(vf, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                throw new DataFormatException(path, lineNumber, valueCol + 1, $"value '{fields[valueCol]}' is not a number");
            if (double.IsInfinity(value))
                throw new DataFormatException(path, lineNumber, valueCol + 1, $"value '{fields[valueCol]}' is infinite");
            if (double.IsNaN(value) && options.NonFiniteValues == NonFiniteValuePolicy.Reject)
                throw new DataFormatException(path, lineNumber, valueCol + 1, "missing value (pass NonFiniteValues = AllowMissing or Interpolate to accept it)");
            values.Add(value);

            if (timeCol >= 0)
            {
                string tf = fields[timeCol].Trim();
                if (!TryParseTimestamp(tf, options.TimestampFormat, out var ts))
                    throw new DataFormatException(path, lineNumber, timeCol + 1, $"timestamp '{tf}' is not a date/time" +
                        (options.TimestampFormat is null ? "" : $" in format '{options.TimestampFormat}'"));
                if (timestamps.Count > 0 && ts <= timestamps[^1])
                    increasing = false;
                if (!increasing && options.RequireIncreasingTimestamps)
                    throw new DataFormatException(path, lineNumber, timeCol + 1, $"timestamp '{tf}' is not after the previous one; timestamps must be strictly increasing");
                timestamps.Add(ts);
            }
            if (labelCol >= 0)
            {
                string lf = fields[labelCol].Trim();
                labels.Add(lf switch
                {
                    "0" or "0.0" => false,
                    "1" or "1.0" => true,
                    _ => throw new DataFormatException(path, lineNumber, labelCol + 1, $"label '{lf}' is not 0 or 1"),
                });
            }
        }
        if (values.Count == 0) throw new DataFormatException(path, 0, 0, "no data rows");

        var series = new TimeSeries(values, timeCol >= 0 && increasing ? timestamps : null, name ?? Path.GetFileName(path), options.NonFiniteValues);
        var intervals = labelCol >= 0 ? LabeledSeries.IntervalsFromMask(labels.ToArray()) : [];
        return new LabeledSeries(name ?? Path.GetFileName(path), series, intervals, timeCol >= 0 ? timestamps : null);
    }

    /// <summary>Loads <paramref name="path"/> and takes the intervals from <paramref name="intervalsPath"/> (see <see cref="LoadIntervals"/>).</summary>
    /// <exception cref="DataFormatException">A malformed file, or an interval past the series end.</exception>
    public static LabeledSeries Load(string path, string intervalsPath, CsvSeriesOptions? options = null, string? name = null)
    {
        var s = Load(path, options, name);
        var ivs = LoadIntervals(intervalsPath);
        foreach (var (iv, line) in ivs)
            if (iv.End > s.Length)
                throw new DataFormatException(intervalsPath, line, 2, $"interval {iv} ends after the series end ({s.Length})");
        return new LabeledSeries(s.Name, s.Series, s.Intervals.Concat(ivs.Select(p => p.Interval)), s.Timestamps);
    }

    /// <summary>
    /// Reads an intervals file: one half-open interval <c>start,end</c> per line (0-based indices), an optional
    /// <c>start,end</c> header, blank lines ignored.
    /// </summary>
    /// <returns>The intervals with the line each came from.</returns>
    /// <exception cref="DataFormatException">A malformed line (file, line and column in the message).</exception>
    public static IReadOnlyList<(AnomalyInterval Interval, int Line)> LoadIntervals(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Intervals file not found: {path}", path);
        var result = new List<(AnomalyInterval, int)>();
        int lineNumber = 0;
        bool seenLine = false;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string[] f = line.Split(',');
            bool first = !seenLine;
            seenLine = true;
            if (first && f.Length == 2 && Is(f[0], "start") && Is(f[1], "end")) continue;
            if (f.Length != 2) throw new DataFormatException(path, lineNumber, 0, $"expected 'start,end', found {f.Length} field(s)");
            if (!int.TryParse(f[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) || s < 0)
                throw new DataFormatException(path, lineNumber, 1, $"start '{f[0].Trim()}' is not a non-negative integer");
            if (!int.TryParse(f[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int e) || e <= s)
                throw new DataFormatException(path, lineNumber, 2, $"end '{f[1].Trim()}' is not an integer greater than start ({s}); intervals are half-open [start, end)");
            result.Add((new AnomalyInterval(s, e), lineNumber));
        }
        return result;
    }

    internal static bool TryParseTimestamp(string text, string? format, out DateTime value) =>
        format is null
            ? DateTime.TryParseExact(text, DefaultTimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value)
            : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    private static bool Is(string field, string name) => string.Equals(field.Trim().Trim('"'), name, StringComparison.OrdinalIgnoreCase);
}
