using ExpertBaseline;

namespace AnomSeer.Samples.Tests;

public class ExpertBaselineTests
{
    [Fact]
    public void Eval_with_two_series_per_task_prints_the_three_tables()
    {
        var (code, output, error) = SampleRun.Capture((o, e) => ExpertBaselineSample.Run(["eval", SampleRun.NabTestData, "--count", "2"], o, e));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("## AnomLLM-style eval split (16 series, 8 tasks × 2, seed 42)", output);
        Assert.Contains("| **ExpCoT expert detector (this library, no training)** |", output);
        Assert.Contains("## VisualTimeAnomaly-style univariate suite, eval split (10 series, 5 types × 2, length 400)", output);
        Assert.Contains("## NAB (windows of ≤ 1000 points; affiliation F1, %)", output);
        // The repository's NAB subset: four files, each a row of the NAB table.
        foreach (string file in new[] { "artificialNoAnomaly/art_daily_no_noise.csv", "artificialWithAnomaly/art_daily_jumpsup.csv",
                     "realKnownCause/ec2_request_latency_system_failure.csv", "realKnownCause/nyc_taxi.csv" })
            Assert.Contains($"| {file} | ", output);
        Assert.Contains("| **mean over files** |", output);
    }

    [Fact]
    public void Tune_with_one_series_per_task_and_one_sweep_chooses_thresholds()
    {
        var (code, output, error) = SampleRun.Capture((o, e) => ExpertBaselineSample.Run(["tune", "1", "1"], o, e));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Tuning on 8 train series (1 per task, seed 3407).", output);
        Assert.Matches(@"start \(defaults\): mean reward \d\.\d{4}", output);
        Assert.Contains("sweep 1: SlopeRelativeFloor = ", output);
        Assert.Contains("Chosen thresholds:", output);
        Assert.Contains("  RangeZThreshold = ", output);
    }

    [Fact]
    public void An_unknown_command_prints_the_usage_and_returns_2()
    {
        var (code, _, error) = SampleRun.Capture((o, e) => ExpertBaselineSample.Run(["fly"], o, e));
        Assert.Equal(2, code);
        Assert.StartsWith("usage: ExpertBaseline", error);
    }
}
