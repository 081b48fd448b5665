using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;

namespace AnomSeer.Cli.Tests;

public class EvalCommandTests
{
    [Fact]
    public void Prints_a_row_per_task_and_writes_the_same_table()
    {
        using var tmp = new TempFolder();
        var samples = TestData.AnomLlmSamples().Concat(Data.Synthetic.SyntheticDatasets.AnomLlm(Data.Synthetic.DatasetSplit.Eval, 1, 7)).ToList();
        string jsonl = TestData.WriteJsonl(tmp.Path, samples);
        string md = Path.Combine(tmp.Path, "report", "eval.md");
        var (code, stdout, stderr) = CliRunner.Run("eval", "--jsonl", jsonl, "--expert", "--out", md);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains($"{samples.Count} samples", stdout);

        var detector = new ExpertDetector();
        var expected = new EvaluationReport();
        foreach (var s in samples)
            expected.Add(s.Task, TsadReward.Score(detector.Detect(s.AsSpan()).ToAnswerText(), s.Intervals, s.Class, s.Length));
        string table = expected.ToMarkdown();
        Assert.Equal(table, File.ReadAllText(md));
        Assert.Contains(table, stdout.ReplaceLineEndings("\n"));

        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        var tasks = samples.Select(s => s.Task).Distinct().ToList();
        Assert.Equal(8, tasks.Count);
        Assert.Equal(tasks.Count + 1, rows.Count);
        foreach (var t in tasks) Assert.Single(rows, r => r.StartsWith($"| {t} | 2 |", StringComparison.Ordinal));
        Assert.StartsWith($"| overall | {samples.Count} |", rows[^1]);
    }

    [Fact]
    public void Errors_are_one_line_with_the_right_exit_code()
    {
        using var tmp = new TempFolder();
        string jsonl = TestData.WriteJsonl(tmp.Path, TestData.AnomLlmSamples().Take(1));
        TestData.AssertOneErrorLine(1, CliRunner.Run("eval", "--jsonl", Path.Combine(tmp.Path, "missing.jsonl")), "JSONL file not found");
        TestData.AssertOneErrorLine(1, CliRunner.Run("eval", "--jsonl", jsonl, "--model", Path.Combine(tmp.Path, "nope")), "model folder not found");
        TestData.AssertOneErrorLine(2, CliRunner.Run("eval", "--jsonl", jsonl, "--by-class"), "--by-class");
    }
}
