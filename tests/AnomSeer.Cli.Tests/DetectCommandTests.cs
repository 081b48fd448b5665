using System.Text.Json;
using AnomSeer.Answers;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;

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
    public void Without_a_detector_option_the_shipped_model_is_used_and_the_output_says_so()
    {
        // The repository ships models/anomseer-tiny; the command finds it above the test's folder.
        using var tmp = new TempFolder();
        var (csv, _) = TestData.WriteSpikeCsv(tmp.Path, withLabels: true);
        var (code, stdout, stderr) = CliRunner.Run("detect", "--input", csv);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"Detector: policy .*models[/\\]anomseer-tiny \(AnomSeer-Tiny, one response at temperature 0\.4\)", stdout);
        Assert.Contains("Class: ", stdout);
    }

    [Fact]
    public void A_policy_folder_is_loaded_and_sampled_once_at_temperature_0_4()
    {
        using var tmp = new TempFolder();
        var (csv, values) = TestData.WriteSpikeCsv(tmp.Path);
        string folder = Path.Combine(tmp.Path, "model");
        var config = new TinyPolicyConfig
        {
            ModelDim = 32, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, FfnDim = 64,
            ImageChannels = 1, ImageHeight = 72, ImageWidth = 128, StripWidth = 4,
            SeriesPatchSize = 8, MaxSeriesTokens = 64, XFrequencies = 3,
        };
        var tokenizer = PolicyTokenizerBuilder.Build(["The series shows a clear spike; the values within [200, 205] are out of range.", "No anomalies; normal."]);
        using (var m = new TinyPolicyModel(config, tokenizer, seed: 5)) m.Save(folder);

        string json = Path.Combine(tmp.Path, "policy.json");
        string png = Path.Combine(tmp.Path, "policy.png");
        var (code, stdout, stderr) = CliRunner.Run("detect", "--input", csv, "--model", folder, "--json", json, "--png", png);
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Contains("Detector: policy", stdout);
        Assert.Contains("temperature 0.4", stdout);
        Assert.Equal((PlotOptions.Defaults.Width, PlotOptions.Defaults.Height), TestData.PngSize(File.ReadAllBytes(png)));

        // The same response as sampling the loaded policy directly on the autoscaled plot at the model's size and the series.
        string expected;
        using (var policy = TinyPolicyModel.Load(folder))
        {
            var plot = new TimeSeriesPlotRenderer(new PlotOptions { Width = 128, Height = 72, YAxisMode = YAxisMode.Auto }).Render(values);
            var input = new PolicyInput(PlotImage.FromRenderedPlot(plot, TensorColorMode.Grayscale), values.Select(v => (float)v).ToArray());
            expected = policy.Sample([input], new SamplingOptions { ResponsesPerPrompt = 1, Temperature = 0.4 })[0].Text;
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.Equal("policy", root.GetProperty("detector").GetString());
        Assert.Equal(Path.GetFullPath(folder), root.GetProperty("model").GetString());
        Assert.Equal(expected, root.GetProperty("answer").GetString());
        var parsed = AnswerParser.Parse(expected);
        Assert.Equal(parsed.FormatOk, root.GetProperty("format_ok").GetBoolean());
        Assert.Equal(parsed.Intervals is null, root.GetProperty("intervals").ValueKind == JsonValueKind.Null);
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
        string empty = Path.Combine(tmp.Path, "empty-model");
        Directory.CreateDirectory(empty);
        TestData.AssertOneErrorLine(1, CliRunner.Run("detect", "--input", csv, "--model", empty, "--json", json), "anomseer: error: ");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect", "--input", csv, "--model", tmp.Path, "--expert"), "either --expert or --model");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect", "--input", csv, "--threshold", "3"), "--threshold");
        TestData.AssertOneErrorLine(2, CliRunner.Run("detect"), "--input");
        Assert.False(File.Exists(json));
    }
}
