namespace AnomSeer.Samples.Tests;

/// <summary>QuickStart has no Run method (its top-level program is the README's main job): its entry point is invoked.</summary>
public class QuickStartTests
{
    [Fact]
    public void Runs_and_prints_the_prompt_the_scored_responses_and_the_evaluation_table()
    {
        var (code, output, error) = SampleRun.EntryPoint("QuickStart", "--smoke");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("<image>", output);                          // the prompt the model reads
        Assert.Contains("<answer>", output);                         // a response in the answer format
        Assert.Contains("reward", output);
        Assert.Matches(@"\| overall \| \d+ \|", output);             // EvaluationReport.ToMarkdown's overall row
    }
}
