using AnomSeer.IO;
using System.Globalization;
using System.Text;
using AnomSeer.Data.IO;
using AnomSeer.Data.Samples;
using AnomSeer.Prompts;
using Parquet;
using Parquet.Serialization;

namespace AnomSeer.Data.Export;

/// <summary>
/// Exports samples as Parquet rows in the layout of method spec c.1 ("Parquet row"), the layout veRL-style
/// Python RL trainers read: <c>data_source</c>, <c>prompt</c> (a one-message chat with the AnomSeer prompt),
/// <c>images</c> (PNG bytes), <c>reward_model.ground_truth</c> and <c>extra_info</c> (with the ExpCoT text when
/// an expert is supplied).
/// </summary>
/// <remarks>
/// This package does not render: the caller supplies the PNG bytes (for example from AnomSeer.Plotting) and,
/// optionally, the ExpCoT annotation (for example from AnomSeer.ExpCoT). Rows are written in row groups of
/// <see cref="ParquetExportOptions.RowGroupSize"/> (only one group is in memory), to a temporary file that is
/// moved into place at the end (atomic). Intervals are JSON text <c>"[[s, e], …]"</c>, half-open.
/// </remarks>
public static class ParquetExporter
{
    /// <summary>Writes <paramref name="samples"/> to <paramref name="path"/>.</summary>
    /// <param name="path">The Parquet file; replaced only when complete.</param>
    /// <param name="samples">The samples, enumerated once.</param>
    /// <param name="renderPng">Returns the PNG bytes of a sample's plot.</param>
    /// <param name="expCot">Returns a sample's ExpCoT annotation, or null; omit to leave <c>expcot</c> null.</param>
    /// <param name="options">Export options; defaults when null.</param>
    /// <param name="progress">Receives the number of rows written so far, after each row group.</param>
    /// <param name="cancellationToken">Stops the export; the destination is then untouched.</param>
    /// <returns>The number of rows written.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="renderPng"/> returned no bytes.</exception>
    public static async Task<int> WriteAsync(string path, IEnumerable<TsadSample> samples, Func<TsadSample, byte[]> renderPng,
        Func<TsadSample, ExpCotAnnotation?>? expCot = null, ParquetExportOptions? options = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(renderPng);
        options ??= new ParquetExportOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupSize, 1, nameof(options.RowGroupSize));

        await using var file = AtomicFile.Create(path);
        var perCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<ParquetTrainingRow>(options.RowGroupSize);
        int written = 0;
        bool first = true;
        foreach (var sample in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            perCategory.TryGetValue(sample.Task, out int inCategory);
            perCategory[sample.Task] = inCategory + 1;
            batch.Add(ToRow(sample, written + batch.Count, inCategory, renderPng, expCot, options));
            if (batch.Count == options.RowGroupSize)
            {
                written += await FlushAsync(file.Stream, batch, first, cancellationToken).ConfigureAwait(false);
                first = false;
                progress?.Report(written);
            }
        }
        if (batch.Count > 0 || first)
        {
            written += await FlushAsync(file.Stream, batch, first, cancellationToken).ConfigureAwait(false);
            progress?.Report(written);
        }
        file.Commit();
        return written;
    }

    /// <summary>Builds the row of one sample (see the type's remarks for the layout).</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="index">The row's position in the file (<c>extra_info.index</c>).</param>
    /// <param name="instanceIndex">The sample's position within its task (<c>extra_info.instance_index</c>).</param>
    /// <param name="renderPng">Returns the PNG bytes.</param>
    /// <param name="expCot">Returns the ExpCoT annotation, or null.</param>
    /// <param name="options">Export options; defaults when null.</param>
    public static ParquetTrainingRow ToRow(TsadSample sample, int index, int instanceIndex, Func<TsadSample, byte[]> renderPng,
        Func<TsadSample, ExpCotAnnotation?>? expCot = null, ParquetExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(renderPng);
        options ??= new ParquetExportOptions();
        byte[] png = renderPng(sample);
        if (png is null || png.Length == 0)
            throw new InvalidOperationException($"The image renderer returned no bytes for sample '{sample.Id}'.");
        string imagePath = options.ImagePath(sample);
        var annotation = expCot?.Invoke(sample);
        string gt = FormatIntervals(sample.Intervals);
        return new ParquetTrainingRow
        {
            DataSource = options.DataSource,
            Prompt = [new ParquetChatMessage { Role = "user", Content = AnomSeerPrompt.Build(sample.Length) }],
            Images = [new ParquetImage { Bytes = png, Path = imagePath }],
            RewardModel = new ParquetRewardModel { Style = "rule", GroundTruth = gt },
            ExtraInfo = new ParquetExtraInfo
            {
                Category = sample.Task,
                Split = sample.Split,
                InstanceIndex = instanceIndex,
                ImagePath = imagePath,
                ExpCot = annotation?.Text,
                DetectionMetrics = annotation?.DetectionMetricsJson,
                GtIntervals = gt,
                SeriesLength = sample.Length,
                Index = index,
                AnomalyType = sample.Class?.ToCanonicalName() ?? "unknown",
            },
        };
    }

    /// <summary>Formats intervals as <c>[[s, e], [s, e]]</c> (half-open; <c>[]</c> when empty).</summary>
    public static string FormatIntervals(IEnumerable<AnomalyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var sb = new StringBuilder("[");
        foreach (var iv in intervals)
        {
            if (sb.Length > 1) sb.Append(", ");
            sb.Append('[').Append(iv.Start.ToString(CultureInfo.InvariantCulture)).Append(", ")
              .Append(iv.End.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return sb.Append(']').ToString();
    }

    private static async Task<int> FlushAsync(Stream stream, List<ParquetTrainingRow> batch, bool first, CancellationToken ct)
    {
        var parquetOptions = new ParquetOptions { Append = !first, RowGroupSize = Math.Max(1, batch.Count) };
        await ParquetSerializer.SerializeAsync(batch, stream, parquetOptions, null, ct).ConfigureAwait(false);
        int n = batch.Count;
        batch.Clear();
        return n;
    }
}
