using System.Text.Json;
using AnomSeer.Data.Export;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT;
using AnomSeer.Plotting;
using AnomSeer.Prompts;
using ExportForPython;
using Parquet.Serialization;

namespace AnomSeer.Samples.Tests;

public class ExportForPythonTests
{
    [Fact]
    public async Task Smoke_run_writes_8_x_2_rows_with_plots_expcot_and_ground_truth()
    {
        using var tmp = new TempFolder();
        var (code, output, error) = SampleRun.Capture((o, e) => ExportForPythonSample.Run(["--smoke", "--images", "--out", tmp.Path], o, e));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        string parquet = Path.Combine(tmp.Path, "anomllm-train.parquet");
        Assert.Contains("Generated 16 AnomLLM-style train series (8 tasks × 2, seed 3407).", output);
        Assert.Contains($"Wrote 16 rows to {parquet}", output);
        Assert.Contains("Rows read back: 16", output);
        Assert.Contains("  extra_info/expcot: string", output);
        Assert.Contains("  images/list/element/bytes: binary", output);
        Assert.Contains("Rows per category: range 2, point 2, freq 2, trend 2, flat-trend 2, noisy-point 2, noisy-freq 2, noisy-trend 2", output);

        // The rows, read independently: each one the sample's plot, ExpCoT and ground truth.
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetTrainingRow>(parquet)).Data;
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 2, 3407).ToList();
        Assert.Equal(samples.Count, rows.Count);
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Fixed });
        var expCot = new ExpCotGenerator();
        for (int i = 0; i < rows.Count; i++)
        {
            var (r, s) = (rows[i], samples[i]);
            Assert.Equal("timeseries_anol", r.DataSource);
            Assert.Equal(AnomSeerPrompt.Build(1000), Assert.Single(r.Prompt).Content);
            byte[] png = renderer.RenderPng(s.AsSpan());
            Assert.Equal(png, Assert.Single(r.Images).Bytes);
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(tmp.Path, "images", s.Id + ".png")));
            Assert.Equal(ParquetExporter.FormatIntervals(s.Intervals), r.RewardModel.GroundTruth);
            var trace = expCot.Generate(s.AsSpan(), s.Intervals, s.Class ?? AnomalyClass.Normal, s.Task);
            Assert.Equal(trace.Text, r.ExtraInfo.ExpCot);
            Assert.Contains("Observation — Ground truth labels", r.ExtraInfo.ExpCot);
            using var metrics = JsonDocument.Parse(r.ExtraInfo.DetectionMetrics!);
            Assert.Equal(trace.Expert.ToString(), metrics.RootElement.GetProperty("expert").GetString());
            Assert.Equal(trace.DetectedIntervals.Count, metrics.RootElement.GetProperty("detected_intervals").GetArrayLength());
            Assert.Equal(s.Task, r.ExtraInfo.Category);
            Assert.Equal((s.Class ?? AnomalyClass.Normal).ToCanonicalName(), r.ExtraInfo.AnomalyType);
            Assert.Equal(i, r.ExtraInfo.Index);
        }
        Assert.Equal(16, Directory.GetFiles(Path.Combine(tmp.Path, "images")).Length);
    }

    [Fact]
    public void A_bad_argument_prints_the_usage_and_returns_2()
    {
        var (code, _, error) = SampleRun.Capture((o, e) => ExportForPythonSample.Run(["--split", "test"], o, e));
        Assert.Equal(2, code);
        Assert.Contains("'--split'", error);
        Assert.Contains("usage: ExportForPython", error);
    }
}
