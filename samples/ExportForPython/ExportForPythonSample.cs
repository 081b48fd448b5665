using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AnomSeer;
using AnomSeer.Data.Export;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Experts;
using AnomSeer.IO;
using AnomSeer.Plotting;
using Parquet;
using Parquet.Serialization;

namespace ExportForPython;

/// <summary>
/// The sample's entry logic, callable in-process: generates the AnomLLM-style split, renders each series to the PNG the
/// model reads, builds each series' ExpCoT from its ground truth, writes <c>DIR/anomllm-{split}.parquet</c> (one row per
/// series, veRL layout; see README.md) and reads the file back to print its schema and a summary.
/// </summary>
public static class ExportForPythonSample
{
    /// <summary>Runs the sample; returns the exit code (0 on success, 2 on bad arguments).</summary>
    /// <param name="args"><c>[--out DIR] [--count N] [--split train|eval] [--seed S] [--images] [--smoke]</c>.</param>
    /// <param name="output">Progress and the summary.</param>
    /// <param name="error">Where the usage line goes; <paramref name="output"/> when null.</param>
    /// <param name="cancellationToken">Stops the generation and the export; the Parquet file is then not written.</param>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error ??= output;
        var settings = ExportSettings.Parse(args, out string? problem);
        if (settings is null)
        {
            error.WriteLine($"ExportForPython: {problem}");
            error.WriteLine(ExportSettings.Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        string dir = Path.GetFullPath(settings.Output);
        Directory.CreateDirectory(dir);
        string split = settings.Split.ToName();
        string parquetPath = Path.Combine(dir, $"anomllm-{split}.parquet");

        // 1. The series: 8 tasks × N, length 1000, the paper's seed (3407 train, 42 eval).
        var samples = SyntheticDatasets.AnomLlm(settings.Split, settings.CountPerTask, settings.Seed).ToList();
        output.WriteLine($"Generated {samples.Count} AnomLLM-style {split} series (8 tasks × {settings.CountPerTask}, seed {settings.Seed}).");

        // 2. The plot and the ExpCoT of every series, on every core. The plots are the AnomLLM figure
        //    (1000 × 150 px, y fixed to (−1, 1)) without ground-truth shading (spec c.1: shading would leak the labels).
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Fixed });
        var expCot = new ExpCotGenerator();
        var pngs = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var annotations = new ConcurrentDictionary<string, ExpCotAnnotation>(StringComparer.Ordinal);
        Parallel.ForEach(samples, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            pngs[s.Id] = renderer.RenderPng(s.AsSpan());
            var trace = expCot.Generate(s.AsSpan(), s.Intervals, s.Class ?? AnomalyClass.Normal, s.Task, cancellationToken);
            annotations[s.Id] = new ExpCotAnnotation(trace.Text, DetectionMetricsJson(trace));
        });
        output.WriteLine($"Rendered {pngs.Count} plots and built {annotations.Count} ExpCoT traces ({clock.Elapsed.TotalSeconds:F1} s).");

        if (settings.WriteImages)
        {
            string images = Path.Combine(dir, "images");
            Directory.CreateDirectory(images);
            foreach (var s in samples) AtomicFile.WriteAllBytes(Path.Combine(images, s.Id + ".png"), pngs[s.Id]);
            output.WriteLine($"Wrote {samples.Count} PNG files to {images}");
        }

        // 3. The Parquet rows (written to a temporary file and moved into place when complete).
        int rows = ParquetExporter.WriteAsync(parquetPath, samples, s => pngs[s.Id], s => annotations[s.Id],
            progress: new Progress<int>(n => output.WriteLine($"  {n} rows written")), cancellationToken: cancellationToken)
            .GetAwaiter().GetResult();
        output.WriteLine($"Wrote {rows} rows to {parquetPath} ({new FileInfo(parquetPath).Length:N0} bytes, {clock.Elapsed.TotalSeconds:F1} s).");

        // 4. Read the file back, as a Python reader would see it.
        DescribeAsync(parquetPath, output, cancellationToken).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The <c>extra_info.detection_metrics</c> JSON: the routed expert, what it proposed and its statistics.</summary>
    private static string DetectionMetricsJson(ExpCotTrace trace)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("expert", trace.Expert.ToString());
            if (trace.Expert != ExpertKind.None) w.WriteString("expert_class", trace.Expert.ToAnomalyClassName());
            w.WriteStartArray("detected_intervals");
            foreach (var iv in trace.DetectedIntervals)
            {
                w.WriteStartArray();
                w.WriteNumberValue(iv.Start);
                w.WriteNumberValue(iv.End);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteBoolean("denoised", trace.Denoised);
            Number(w, "max_abs_z", trace.MaxAbsZScore);
            w.WriteStartObject("metrics");
            foreach (var (name, value) in trace.Metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal)) Number(w, name, value);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    private static async Task DescribeAsync(string path, TextWriter output, CancellationToken ct)
    {
        await using (var stream = File.OpenRead(path))
        await using (var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct))
        {
            output.WriteLine();
            output.WriteLine($"Schema ({reader.RowGroupCount} row group(s)); leaf columns:");
            foreach (var field in reader.Schema.GetDataFields()) output.WriteLine($"  {field.Path}: {TypeName(field.ClrType)}");
        }

        var rows = (await ParquetSerializer.DeserializeAsync<ParquetTrainingRow>(path, cancellationToken: ct)).Data;
        output.WriteLine();
        output.WriteLine($"Rows read back: {rows.Count}");
        output.WriteLine("Rows per category: " + string.Join(", ", rows.GroupBy(r => r.ExtraInfo.Category).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine("Rows per anomaly_type: " + string.Join(", ", rows.GroupBy(r => r.ExtraInfo.AnomalyType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"Rows with an ExpCoT: {rows.Count(r => !string.IsNullOrEmpty(r.ExtraInfo.ExpCot))}; PNG bytes in total: {rows.Sum(r => r.Images.Sum(i => (long)i.Bytes.Length)):N0}");
        if (rows.Count == 0) return;
        var first = rows[0];
        output.WriteLine();
        output.WriteLine($"First row: data_source {first.DataSource}, category {first.ExtraInfo.Category}, anomaly_type {first.ExtraInfo.AnomalyType}, " +
                         $"image {first.Images[0].Path} ({first.Images[0].Bytes.Length:N0} PNG bytes)");
        output.WriteLine($"  reward_model.ground_truth: {first.RewardModel.GroundTruth}");
        output.WriteLine($"  prompt[0].content starts: {Shorten(first.Prompt[0].Content, 100)}");
        output.WriteLine($"  extra_info.expcot starts: {Shorten(first.ExtraInfo.ExpCot ?? "", 160)}");
        output.WriteLine($"  extra_info.detection_metrics: {Shorten(first.ExtraInfo.DetectionMetrics ?? "", 200)}");
    }

    private static string TypeName(Type t) =>
        t == typeof(ReadOnlyMemory<char>) || t == typeof(string) ? "string"
        : t == typeof(ReadOnlyMemory<byte>) || t == typeof(byte[]) ? "binary"
        : t.Name.ToLowerInvariant();

    private static string Shorten(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
