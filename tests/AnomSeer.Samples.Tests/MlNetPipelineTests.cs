using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.Detection;
using MlNetPipeline;

namespace AnomSeer.Samples.Tests;

public class MlNetPipelineTests
{
    [Fact]
    public void Fits_saves_loads_and_predicts_what_the_expert_detector_answers()
    {
        var (code, output, error) = SampleRun.Capture((o, e) => MlNetPipelineSample.Run(["--count", "1"], o, e));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Matches(@"Saved the fitted pipeline to \S+\.zip \([\d,]+ bytes\)", output);

        // One block per unseen eval series; the loaded pipeline's detector column equals the detector run directly.
        var test = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 1, 42).ToList();
        Assert.Equal(8, test.Count);
        var detector = new ExpertDetector();
        foreach (var s in test)
        {
            var d = detector.Detect(s.AsSpan());
            string pairs = "[" + string.Join(", ", d.Intervals.Select(iv => $"[{iv.Start}, {iv.End}]")) + "]";
            Assert.Contains($"== {s.Task}: ground truth", output);
            Assert.Contains($"   expert detector: {pairs} ({d.Class.ToCanonicalName()})", output);
        }
        Assert.Equal(8, output.Split('\n').Count(l => l.StartsWith("   plot: ", StringComparison.Ordinal) && l.EndsWith(" PNG bytes", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_bad_argument_prints_the_usage_and_returns_2()
    {
        var (code, _, error) = SampleRun.Capture((o, e) => MlNetPipelineSample.Run(["--count", "zero"], o, e));
        Assert.Equal(2, code);
        Assert.StartsWith("usage: MlNetPipeline", error);
    }
}
