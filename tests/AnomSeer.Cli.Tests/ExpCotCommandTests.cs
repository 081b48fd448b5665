using System.Text.Json;
using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.Cli.Tests;

public class ExpCotCommandTests
{
    private static List<AnomalyInterval> Intervals(JsonElement array) =>
        array.EnumerateArray().Select(p => new AnomalyInterval(p[0].GetInt32(), p[1].GetInt32())).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Writes_one_json_line_per_sample_equal_to_the_generator(bool released)
    {
        using var tmp = new TempFolder();
        var samples = TestData.AnomLlmSamples();
        string jsonl = TestData.WriteJsonl(tmp.Path, samples);
        string output = Path.Combine(tmp.Path, "expcot.jsonl");
        var args = new List<string> { "expcot", "--jsonl", jsonl, "--out", output };
        if (released) args.Add("--released-text");
        var (code, stdout, stderr) = CliRunner.Run([.. args]);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains($"Wrote {samples.Count} ExpCoT lines", stdout);

        var lines = File.ReadAllLines(output);
        Assert.Equal(samples.Count, lines.Length);
        var generator = new ExpCotGenerator(new ExpCotOptions { TextStyle = released ? ExpCotTextStyle.Released : ExpCotTextStyle.Clean });
        for (int i = 0; i < samples.Count; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            var s = samples[i];
            var trace = generator.Generate(s.AsSpan(), s.Intervals, s.Class ?? AnomalyClass.Normal, s.Task);
            Assert.Equal(s.Id, root.GetProperty("id").GetString());
            Assert.Equal(s.Task, root.GetProperty("task").GetString());
            Assert.Equal(s.Class?.ToCanonicalName(), root.GetProperty("class").GetString());
            Assert.Equal(s.Intervals, Intervals(root.GetProperty("ground_truth")));
            Assert.Equal(trace.Expert.ToString(), root.GetProperty("expert").GetString());
            Assert.Equal(trace.Expert.ToAnomalyClassName(), root.GetProperty("expert_class").GetString());
            Assert.Equal(trace.DetectedIntervals, Intervals(root.GetProperty("expert_intervals")));
            Assert.Equal(trace.Text, root.GetProperty("expcot").GetString());
        }
        Assert.Equal(released, lines.Any(l => l.Contains("\\\\textbf", StringComparison.Ordinal)));
    }

    [Fact]
    public void Errors_are_one_line_with_the_right_exit_code()
    {
        using var tmp = new TempFolder();
        string output = Path.Combine(tmp.Path, "o.jsonl");
        TestData.AssertOneErrorLine(1, CliRunner.Run("expcot", "--jsonl", Path.Combine(tmp.Path, "missing.jsonl"), "--out", output), "missing.jsonl");
        string bad = Path.Combine(tmp.Path, "bad.jsonl");
        File.WriteAllText(bad, "{not json}\n");
        TestData.AssertOneErrorLine(1, CliRunner.Run("expcot", "--jsonl", bad, "--out", output), "line 1");
        TestData.AssertOneErrorLine(2, CliRunner.Run("expcot", "--jsonl", bad), "--out");
        TestData.AssertOneErrorLine(2, CliRunner.Run("expcot", "--jsonl", bad, "--out", output, "--released"), "--released");
        Assert.False(File.Exists(output));
    }
}
