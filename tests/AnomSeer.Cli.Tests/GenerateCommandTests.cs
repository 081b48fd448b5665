using AnomSeer.Data.Export;
using AnomSeer.Data.IO;
using AnomSeer.Data.Synthetic;
using Parquet.Serialization;

namespace AnomSeer.Cli.Tests;

public class GenerateCommandTests
{
    [Fact]
    public void Writes_the_papers_8_x_400_training_set()
    {
        using var tmp = new TempFolder();
        var (code, stdout, stderr) = CliRunner.Run("generate", "--suite", "anomllm", "--split", "train", "--out", tmp.Path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        string path = Path.Combine(tmp.Path, "anomllm-train.jsonl");
        Assert.Contains("Wrote 3200 samples", stdout);
        var samples = TsadJsonl.ReadAll(path).ToList();
        Assert.Equal(3200, samples.Count);
        Assert.Equal(400, samples.Count(s => s.Task == "noisy-trend"));
        // The default seed is the paper's 3407: the file equals the library's split for that seed.
        var expected = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 400, 3407).ToList();
        for (int i = 0; i < samples.Count; i += 97)
        {
            Assert.Equal(expected[i].Id, samples[i].Id);
            Assert.Equal(expected[i].Values, samples[i].Values);
            Assert.Equal(expected[i].Intervals, samples[i].Intervals);
            Assert.Equal(expected[i].Class, samples[i].Class);
        }
        Assert.Equal([path], Directory.GetFiles(tmp.Path)); // no temporary file left
    }

    [Fact]
    public void Options_reach_the_generator()
    {
        using var tmp = new TempFolder();
        var (code, _, stderr) = CliRunner.Run("generate", "--suite", "anomllm", "--split", "eval", "--count", "3", "--seed", "7",
            "--tasks", "flat-trend,range", "--released-class-mapping", "--out", tmp.Path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var samples = TsadJsonl.ReadAll(Path.Combine(tmp.Path, "anomllm-eval.jsonl")).ToList();
        var expected = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 3, 7,
            new AnomLlmSuiteOptions { ClassMapping = AnomLlmClassMapping.ReleasedCode }, [AnomLlmTask.FlatTrend, AnomLlmTask.Range]).ToList();
        Assert.Equal(expected.Select(s => (s.Id, s.Class)), samples.Select(s => (s.Id, s.Class)));
        Assert.Equal(expected.Select(s => s.Values.Sum()), samples.Select(s => s.Values.Sum()));
    }

    [Fact]
    public async Task Images_and_parquet_are_written_and_consistent()
    {
        using var tmp = new TempFolder();
        var (code, stdout, stderr) = CliRunner.Run("generate", "--suite", "vta", "--split", "eval", "--count", "2", "--parquet", "--out", tmp.Path);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Wrote 10 rows", stdout);
        var samples = TsadJsonl.ReadAll(Path.Combine(tmp.Path, "vta-eval.jsonl")).ToList();
        Assert.Equal(10, samples.Count);
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetTrainingRow>(Path.Combine(tmp.Path, "vta-eval.parquet"))).Data;
        Assert.Equal(10, rows.Count);
        for (int i = 0; i < 10; i++)
        {
            byte[] png = File.ReadAllBytes(Path.Combine(tmp.Path, "images", samples[i].Id + ".png"));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal(png, rows[i].Images[0].Bytes);
            Assert.Equal(samples[i].Task, rows[i].ExtraInfo.Category);
            Assert.Equal(400, rows[i].ExtraInfo.SeriesLength);
        }
    }

    [Theory]
    [InlineData(new[] { "generate", "--suite", "foo", "--out", "X" }, "'foo'")]
    [InlineData(new[] { "generate", "--suite", "anomllm" }, "--out")]
    [InlineData(new[] { "generate", "--suite", "anomllm", "--out", "X", "--count", "0" }, "--count must be at least 1")]
    [InlineData(new[] { "generate", "--suite", "anomllm", "--out", "X", "--count", "many" }, "many")]
    [InlineData(new[] { "generate", "--suite", "anomllm", "--out", "X", "--split", "test" }, "'test'")]
    [InlineData(new[] { "generate", "--suite", "anomllm", "--out", "X", "--tasks", "range,bogus" }, "'bogus' is not a anomllm task")]
    [InlineData(new[] { "generate", "--suite", "anomllm", "--out", "X", "--seasonal-quirk" }, "--seasonal-quirk applies to --suite vta only")]
    [InlineData(new[] { "generate", "--suite", "vta", "--out", "X", "--shade-ground-truth" }, "--shade-ground-truth needs")]
    [InlineData(new[] { "generate", "--suite", "vta", "--out", "X", "--frobnicate" }, "--frobnicate")]
    [InlineData(new[] { "frobnicate" }, "frobnicate")]
    public void Bad_arguments_give_one_error_line_and_exit_code_2(string[] args, string mention)
    {
        using var tmp = new TempFolder();
        var real = args.Select(a => a == "X" ? Path.Combine(tmp.Path, "out") : a).ToArray();
        var (code, _, stderr) = CliRunner.Run(real);
        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("anomseer: error: ", line);
        Assert.Contains(mention, line);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "out", "anomllm-train.jsonl")));
    }

    [Fact]
    public void A_failure_while_running_gives_one_error_line_and_exit_code_1()
    {
        using var tmp = new TempFolder();
        string file = Path.Combine(tmp.Path, "not-a-folder");
        File.WriteAllText(file, "x");
        var (code, _, stderr) = CliRunner.Run("generate", "--suite", "vta", "--count", "1", "--out", file);
        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anomseer: error: ", line);
    }

    [Fact]
    public void Help_works()
    {
        var (code, stdout, stderr) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("generate", stdout);
        (code, stdout, stderr) = CliRunner.Run("generate", "--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (var o in new[] { "--suite", "--split", "--count", "--seed", "--out", "--images", "--parquet" })
            Assert.Contains(o, stdout);
    }
}
