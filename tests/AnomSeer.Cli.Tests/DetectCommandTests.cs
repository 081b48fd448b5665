using System.Text.Json;
using AnomSeer.Answers;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Plotting;

namespace AnomSeer.Cli.Tests;

public class DetectCommandTests
{
    [Fact]
    public void Expert_detection_prints_the_table_and_writes_json_and_png()
    {
        using var tmp = new TempFolder();
        var (csv, values) = TestData.WriteSpikeCsv(tmp.Path);
        string json = Path.Combine(tmp.Path, "out", "answer.json");
        string png = Path.Combine(tmp.Path, "out", "answer.png");
        var (code, stdout, stderr) = CliRunner.Run("detect", "--input", csv, "--expert", "--json", json, "--png", png);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);

        var expected = new ExpertDetector().Detect(values);
        Assert.NotEmpty(expected.Intervals);
        Assert.Contains("Detector: expert", stdout);
        Assert.DoesNotContain("default while no --model", stdout);
        Assert.Contains("start", stdout);
        Assert.Contains("end (exclusive)", stdout);
        foreach (var iv in expected.Intervals) Assert.Contains(iv.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), stdout);
        Assert.Contains($"Class: {expected.Class.ToCanonicalName()}", stdout);
        Assert.Contains(expected.Reasoning, stdout.ReplaceLineEndings("\n"));

        using (var doc = JsonDocument.Parse(File.ReadAllBytes(json)))
        {
            var root = doc.RootElement;
            Assert.Equal("expert", root.GetProperty("detector").GetString());
            Assert.Equal(400, root.GetProperty("length").GetInt32());
            var intervals = root.GetProperty("intervals").EnumerateArray().Select(p => new AnomalyInterval(p[0].GetInt32(), p[1].GetInt32())).ToList();
            Assert.Equal(expected.Intervals, intervals);
            Assert.Equal(expected.Class.ToCanonicalName(), root.GetProperty("class").GetString());
            Assert.Equal(expected.Reasoning, root.GetProperty("reasoning").GetString());
            string answer = root.GetProperty("answer").GetString()!;
            Assert.Equal(expected.ToAnswerText(), answer);
            var parsed = AnswerParser.Parse(answer);
            Assert.True(parsed.FormatOk);
            Assert.Equal(expected.Intervals, parsed.Intervals);
            Assert.Equal(expected.Class, parsed.Class);
        }

        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal((PlotOptions.Defaults.Width, PlotOptions.Defaults.Height), TestData.PngSize(bytes));
        var shaded = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto, ShadeIntervals = true }).RenderPng(values, expected.Intervals);
        Assert.Equal(shaded, bytes);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(tmp.Path, "out")).Length); // no temporary files left
    }

    [Fact]
    public void Without_a_detector_option_the_expert_is_used_and_the_output_says_so()
    {
        using var tmp = new TempFolder();
        var (csv, _) = TestData.WriteSpikeCsv(tmp.Path, withLabels: true);
        var (code, stdout, stderr) = CliRunner.Run("detect", "--input", csv);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("Detector: expert (ExpCoT classical analyses; the default while no --model is given)", stdout);
        Assert.Contains("Class: ", stdout);
    }

    [Fact]
    public void Errors_are_one_line_with_the_right_exit_code()
    {
        using var tmp = new TempFolder();
        var (csv, _) = TestData.WriteSpikeCsv(tmp.Path);
        string json = Path.Combine(tmp.Path, "a.json");
        TestData.AssertOneErrorLine(1, CliRunner.Run("detect", "--input", Path.Combine(tmp.Path, "missing.csv"), "--json", json), "input file not found");
        TestData.AssertOneErrorLine(1, CliRunner.Run("detect", "--input", TestData.WriteMalformedCsv(tmp.Path), "--json", json), "line 3");
        TestData.AssertOneErrorLine(1, CliRunner.Run("detect", "--input", csv, "--model", Path.Combine(tmp.Path, "no-model"), "--json", json), "model folder not found");
        TestData.AssertOneErrorLine(1, CliRunner.Run("detect", "--input", csv, "--model", tmp.Path, "--json", json), "policy detection is not available yet");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect", "--input", csv, "--model", tmp.Path, "--expert"), "either --expert or --model");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect", "--input", csv, "--threshold", "3"), "--threshold");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect"), "--input");
        Assert.False(File.Exists(json));
    }
}
