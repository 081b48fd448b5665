using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using NabEvaluation;

namespace AnomSeer.Samples.Tests;

public class NabEvaluationTests
{
    [Fact]
    public void Without_a_model_folder_evaluates_the_expert_only_and_says_so()
    {
        using var tmp = new TempFolder();
        string previous = Directory.GetCurrentDirectory();
        (int Code, string Out, string Err) result;
        try
        {
            // From a folder with no models/anomseer-tiny above it.
            Directory.SetCurrentDirectory(tmp.Path);
            result = SampleRun.Capture((o, e) => NabEvaluationSample.Run(["--nab", SampleRun.NabTestData], o, e));
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
        var (code, output, error) = result;
        Assert.Equal(0, code);
        Assert.Equal("", error);
        // The repository's subset: art_daily_* and ec2 have 4032 points (5 windows each, the last aligned to the end),
        // nyc_taxi 10320 (11 windows): 26 windows.
        Assert.Contains("NAB: 4 files from ", output);
        Assert.Contains("26 windows of at most 1000 points", output);
        Assert.Contains("## Expert detector (ExpCoT classical analyses, no training)", output);
        Assert.Matches(@"\| artificialNoAnomaly \| 5 \|", output);
        Assert.Matches(@"\| artificialWithAnomaly \| 5 \|", output);
        Assert.Matches(@"\| realKnownCause \| 16 \|", output);
        Assert.Matches(@"\| overall \| 26 \|", output);
        Assert.Equal(1, output.Split('\n').Count(l => l.StartsWith("No policy model: models/anomseer-tiny was not found", StringComparison.Ordinal)));
        Assert.DoesNotContain("## Policy", output);
    }

    [Fact]
    public void With_a_model_folder_also_evaluates_the_policy()
    {
        using var tmp = new TempFolder();
        string model = Path.Combine(tmp.Path, "model");
        // A tiny, untrained AnomSeer-Tiny: enough series tokens for a 1000-point window (128 × 8).
        var config = new TinyPolicyConfig
        {
            ModelDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, FfnDim = 32,
            ImageChannels = 1, ImageHeight = 72, ImageWidth = 128, StripWidth = 4,
            SeriesPatchSize = 8, MaxSeriesTokens = 128, XFrequencies = 2,
        };
        var tokenizer = PolicyTokenizerBuilder.Build(["The series shows a clear spike; the values within [200, 205] are out of range.", "No anomalies; normal."]);
        using (var m = new TinyPolicyModel(config, tokenizer, seed: 3)) m.Save(model);

        var (code, output, error) = SampleRun.Capture((o, e) =>
            NabEvaluationSample.Run(["--nab", SampleRun.NabTestData, "--model", model, "--files", "2", "--windows", "2", "--max-tokens", "12"], o, e));
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains("NAB: 2 files from ", output);
        Assert.Contains("4 windows of at most 1000 points", output);
        Assert.Contains("## Expert detector", output);
        Assert.Contains($"## Policy {model} (AnomSeer-Tiny, ", output);
        Assert.Contains("at most 12 tokens)", output);
        Assert.Matches(@"\d of 4 answers well-formed", output);
        // Two overall rows of 4 windows: the expert's and the policy's.
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("| overall | 4 |", StringComparison.Ordinal)));
        Assert.DoesNotContain("No policy model", output);
    }

    [Fact]
    public void A_missing_model_folder_is_one_error_line_and_exit_code_1()
    {
        using var tmp = new TempFolder();
        string missing = Path.Combine(tmp.Path, "no-model");
        var (code, output, error) = SampleRun.Capture((o, e) => NabEvaluationSample.Run(["--nab", SampleRun.NabTestData, "--model", missing], o, e));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"NabEvaluation: model folder not found: {missing}\n", error);
    }

    [Fact]
    public void A_missing_nab_folder_is_one_error_line_and_exit_code_1()
    {
        using var tmp = new TempFolder();
        var (code, _, error) = SampleRun.Capture((o, e) => NabEvaluationSample.Run(["--nab", tmp.Path], o, e));
        Assert.Equal(1, code);
        Assert.StartsWith("NabEvaluation: NAB data not found", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
