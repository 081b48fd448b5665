using System.Text;
using System.Text.Json;
using AnomSeer.Data.Samples;

namespace AnomSeer.Data.IO;

/// <summary>
/// The JSONL dataset format: one <see cref="TsadSample"/> per line, UTF-8, written atomically and read
/// streaming (one line in memory at a time).
/// </summary>
/// <remarks>
/// A line is <c>{"id":…,"suite":…,"task":…,"split":…,"class":"global point"|null,"intervals":[[s,e],…],"series":[…]}</c>.
/// Intervals are half-open <c>[s, e)</c>; the class is the canonical name (<see cref="AnomalyClassNames"/>) or
/// <c>null</c> when unknown; doubles are written in shortest round-trip form, so reading gives back the exact
/// values. Blank lines are ignored. Any other malformed line throws <see cref="DataFormatException"/> naming the
/// file and the line.
/// </remarks>
public static class TsadJsonl
{
    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/> atomically, one per line.</summary>
    /// <param name="path">Destination; replaced only once every sample is written.</param>
    /// <param name="samples">The samples, enumerated once.</param>
    /// <param name="progress">Receives the number of samples written so far, after each sample.</param>
    /// <param name="cancellationToken">Stops the write; the destination is then untouched.</param>
    /// <returns>The number of samples written.</returns>
    public static int WriteAll(string path, IEnumerable<TsadSample> samples, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        using var writer = TsadJsonlWriter.Create(path);
        foreach (var s in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Write(s);
            progress?.Report(writer.Count);
        }
        writer.Commit();
        return writer.Count;
    }

    /// <summary>Reads the samples of <paramref name="path"/> lazily, one line at a time.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (when enumeration starts).</exception>
    /// <exception cref="DataFormatException">A line is not a valid sample; the message names the file and line.</exception>
    public static IEnumerable<TsadSample> ReadAll(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Read(path, cancellationToken);
    }

    private static IEnumerable<TsadSample> Read(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            cancellationToken.ThrowIfCancellationRequested();
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, path, lineNumber);
        }
    }

    /// <summary>Serialises one sample as a single JSON line (without the newline).</summary>
    public static string Serialize(TsadSample sample)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(sample.Length * 20 + 256);
        using (var w = new Utf8JsonWriter(buffer)) Write(w, sample);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses one JSON line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="sourceName">Name used in error messages (a file path, or any label).</param>
    /// <param name="lineNumber">1-based line number used in error messages.</param>
    /// <exception cref="DataFormatException">The line is not a valid sample.</exception>
    public static TsadSample Parse(string line, string sourceName = "<text>", int lineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
            string id = GetString(root, "id");
            string suite = GetString(root, "suite");
            string task = GetString(root, "task");
            string split = GetString(root, "split");
            AnomalyClass? cls = null;
            if (root.TryGetProperty("class", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                if (c.ValueKind != JsonValueKind.String || !AnomalyClassNames.TryParse(c.GetString(), out var parsed))
                    throw new FormatException($"\"class\" is {c.GetRawText()}, not an anomaly class name or null");
                cls = parsed;
            }
            var series = Require(root, "series", JsonValueKind.Array);
            var values = new double[series.GetArrayLength()];
            int k = 0;
            foreach (var v in series.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d))
                    throw new FormatException($"\"series\"[{k}] is {v.GetRawText()}, not a number");
                values[k++] = d;
            }
            var ivs = new List<AnomalyInterval>();
            k = 0;
            foreach (var iv in Require(root, "intervals", JsonValueKind.Array).EnumerateArray())
            {
                if (iv.ValueKind != JsonValueKind.Array || iv.GetArrayLength() != 2
                    || !iv[0].TryGetInt32(out int s) || !iv[1].TryGetInt32(out int e) || s < 0 || e <= s)
                    throw new FormatException($"\"intervals\"[{k}] is {iv.GetRawText()}, not a half-open pair [start, end] with 0 <= start < end");
                ivs.Add(new AnomalyInterval(s, e));
                k++;
            }
            return new TsadSample(id, suite, task, split, cls, values, ivs);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new DataFormatException(sourceName, lineNumber, 0, $"not a valid TSAD sample: {ex.Message}", ex);
        }
    }

    internal static void Write(Utf8JsonWriter w, TsadSample s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("suite", s.Suite);
        w.WriteString("task", s.Task);
        w.WriteString("split", s.Split);
        if (s.Class is { } c) w.WriteString("class", c.ToCanonicalName());
        else w.WriteNull("class");
        w.WriteStartArray("intervals");
        foreach (var iv in s.Intervals)
        {
            w.WriteStartArray();
            w.WriteNumberValue(iv.Start);
            w.WriteNumberValue(iv.End);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("series");
        foreach (double v in s.AsSpan()) w.WriteNumberValue(v);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static JsonElement Require(JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out var e)) throw new FormatException($"missing \"{name}\"");
        if (e.ValueKind != kind) throw new FormatException($"\"{name}\" must be a JSON {kind.ToString().ToLowerInvariant()}");
        return e;
    }

    private static string GetString(JsonElement root, string name) => Require(root, name, JsonValueKind.String).GetString()!;
}
