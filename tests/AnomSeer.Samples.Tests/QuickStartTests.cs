namespace AnomSeer.Samples.Tests;

/// <summary>QuickStart has no Run method (its top-level program is the README's main job): its entry point is invoked.</summary>
public class QuickStartTests
{
    [Fact]
    public void Runs_the_expert_and_the_shipped_model_scores_both_and_writes_the_png()
    {
        string png = Path.Combine(Path.GetTempPath(), $"quickstart-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, error) = SampleRun.EntryPoint("QuickStart", "--task", "range", "--index", "1", "--png", png);
            Assert.Equal(0, code);
            Assert.Equal("", error);
            Assert.Contains("Series anomllm-eval-range-0001: 1000 points; ground truth", output);
            Assert.Contains("--- ExpCoT expert detector ---", output);
            Assert.Matches(@"intervals: \[.*\], class: [a-z ]+, affiliation F1 \d\.\d{3}", output);
            // The repository ships models/anomseer-tiny, which QuickStart finds above the test's folder.
            Assert.Contains("--- AnomSeer-Tiny (anomseer-tiny, temperature 0.4) ---", output);
            Assert.Matches(@"\| overall \| 2 \|", output);
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Contains($"Wrote {png} (model intervals", output);
        }
        finally
        {
            File.Delete(png);
        }
    }
}
