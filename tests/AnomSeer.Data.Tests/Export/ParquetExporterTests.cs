using System.Text;
using AnomSeer.Data.Export;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Prompts;
using Parquet;
using Parquet.Serialization;

namespace AnomSeer.Data.Tests.Export;

public class ParquetExporterTests
{
    private static byte[] FakePng(TsadSample s) => [0x89, (byte)'P', (byte)'N', (byte)'G', .. Encoding.ASCII.GetBytes(s.Id)];

    [Fact]
    public async Task Rows_have_the_spec_layout_and_round_trip()
    {
        using var tmp = new TempFolder();
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 3, 3407, tasks: [AnomLlmTask.Range, AnomLlmTask.NoisyFreq]).ToList();
        string path = Path.Combine(tmp.Path, "train.parquet");
        int n = await ParquetExporter.WriteAsync(path, samples, FakePng, s => new ExpCotAnnotation("cot for " + s.Id, "{\"f1\":1}"),
            new ParquetExportOptions { RowGroupSize = 4 });
        Assert.Equal(6, n);

        // Independent look at the file's schema and row groups with the low-level reader.
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            Assert.Equal(2, reader.RowGroupCount); // 4 + 2
            var top = reader.Schema.Fields.Select(f => f.Name).ToArray();
            Assert.Equal(["data_source", "prompt", "images", "reward_model", "extra_info"], top);
            var leaves = reader.Schema.GetDataFields().Select(f => f.Path.ToString()).ToArray();
            Assert.Contains(leaves, p => p.Contains("prompt") && p.EndsWith("role"));
            Assert.Contains(leaves, p => p.Contains("images") && p.EndsWith("bytes"));
            Assert.Contains(leaves, p => p.Contains("reward_model") && p.EndsWith("ground_truth"));
            foreach (var key in new[] { "category", "split", "instance_index", "image_path", "expcot", "detection_metrics", "gt_intervals", "series_length", "index", "anomaly_type" })
                Assert.Contains(leaves, p => p.Contains("extra_info") && p.EndsWith(key));
        }

        var rows = (await ParquetSerializer.DeserializeAsync<ParquetTrainingRow>(path)).Data.ToList();
        Assert.Equal(6, rows.Count);
        for (int i = 0; i < 6; i++)
        {
            var (r, s) = (rows[i], samples[i]);
            Assert.Equal("timeseries_anol", r.DataSource);
            var msg = Assert.Single(r.Prompt);
            Assert.Equal("user", msg.Role);
            Assert.Equal(AnomSeerPrompt.Build(1000), msg.Content);
            Assert.Equal(FakePng(s), Assert.Single(r.Images).Bytes);
            Assert.Equal($"images/{s.Id}.png", r.Images[0].Path);
            Assert.Equal("rule", r.RewardModel.Style);
            string gt = "[" + string.Join(", ", s.Intervals.Select(iv => $"[{iv.Start}, {iv.End}]")) + "]";
            Assert.Equal(gt, r.RewardModel.GroundTruth);
            Assert.Equal(gt, r.ExtraInfo.GtIntervals);
            Assert.Equal(s.Task, r.ExtraInfo.Category);
            Assert.Equal("train", r.ExtraInfo.Split);
            Assert.Equal(i % 3, r.ExtraInfo.InstanceIndex);
            Assert.Equal(i, r.ExtraInfo.Index);
            Assert.Equal(1000, r.ExtraInfo.SeriesLength);
            Assert.Equal("cot for " + s.Id, r.ExtraInfo.ExpCot);
            Assert.Equal("{\"f1\":1}", r.ExtraInfo.DetectionMetrics);
            Assert.Equal(s.Class!.Value.ToCanonicalName(), r.ExtraInfo.AnomalyType);
        }
    }

    [Fact]
    public async Task Without_an_expert_expcot_is_null_and_unknown_classes_say_unknown()
    {
        using var tmp = new TempFolder();
        string path = Path.Combine(tmp.Path, "x.parquet");
        var s = new TsadSample("a", "nab", "nyc_taxi", "eval", null, [1.0, 2, 3], [new AnomalyInterval(1, 2)]);
        await ParquetExporter.WriteAsync(path, [s], FakePng);
        var r = Assert.Single((await ParquetSerializer.DeserializeAsync<ParquetTrainingRow>(path)).Data);
        Assert.Null(r.ExtraInfo.ExpCot);
        Assert.Equal("unknown", r.ExtraInfo.AnomalyType);
        Assert.Equal("[[1, 2]]", r.RewardModel.GroundTruth);
        Assert.Equal(AnomSeerPrompt.Build(3), r.Prompt[0].Content);
    }

    [Fact]
    public async Task A_failing_renderer_leaves_no_file()
    {
        using var tmp = new TempFolder();
        string path = Path.Combine(tmp.Path, "x.parquet");
        var samples = SyntheticDatasets.Vta(DatasetSplit.Eval, 2, 0).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => ParquetExporter.WriteAsync(path, samples, _ => []));
        Assert.Empty(Directory.GetFiles(tmp.Path));
    }
}
