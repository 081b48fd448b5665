namespace AnomSeer.Samples.Tests;

/// <summary>Smoke runs of the training samples with tiny budgets: TrainTinyPolicy (SFT + evaluation) and ReproduceTimerPO
/// (a 2-step TimerPO run from the shipped SFT checkpoint, its evaluation and the table).</summary>
public class TrainingSamplesTests
{
    [Fact]
    public void TrainTinyPolicy_trains_two_steps_saves_a_loadable_checkpoint_and_evaluates_it()
    {
        using var temp = new TempFolder();
        string model = Path.Combine(temp.Path, "sft");
        var output = new StringWriter();
        int code = TrainTinyPolicy.Program.Train(TrainTinyPolicy.Arguments.Parse(
            ["train", "--out", model, "--steps", "2", "--batch", "2", "--warmup", "1", "--corpus-batches", "2"]), output);
        Assert.Equal(0, code);
        Assert.Contains("saved " + model + " after 2 steps (4 fresh series)", output.ToString());
        Assert.True(File.Exists(Path.Combine(model, "model.safetensors")));
        Assert.Contains("Steps: 2 of a 2-step schedule", File.ReadAllText(Path.Combine(model, "training-card.md")));
        Assert.Equal(2, File.ReadAllLines(model + ".log.jsonl").Length);

        var eval = new StringWriter();
        code = TrainTinyPolicy.Program.Evaluate(TrainTinyPolicy.Arguments.Parse(
            ["eval", "--model", model, "--per-task", "1", "--max-tokens", "8", "--report", Path.Combine(temp.Path, "eval.md")]), eval);
        Assert.Equal(0, code);
        string report = File.ReadAllText(Path.Combine(temp.Path, "eval.md"));
        Assert.Contains("8 series (8 tasks × 1, seed 42)", report);
        Assert.Matches(@"\| AnomSeer-Tiny SFT \(ImageAndSeries\) \| \d+\.\d \|", report);
        Assert.Matches(@"\| ExpCoT expert detector \(no training\) \| 100\.0 \|", report);
    }

    [Fact]
    public void ReproduceTimerPO_runs_two_steps_from_the_shipped_sft_checkpoint_and_tabulates()
    {
        string sft = Path.Combine(RepositoryRoot(), "models", "anomseer-tiny-sft");
        Assert.True(Directory.Exists(sft), $"{sft} is shipped with the repository");
        using var temp = new TempFolder();
        string run = Path.Combine(temp.Path, "TimerPO-s0");
        var output = new StringWriter();
        int code = ReproduceTimerPO.Program.Run(ReproduceTimerPO.Arguments.Parse(
            ["run", "--sft", sft, "--mode", "TimerPO", "--seed", "0", "--steps", "2", "--prompts", "1", "--max-tokens", "24",
             "--train-per-task", "1", "--eval-per-task", "1", "--vta-per-type", "1", "--out", run]), output);
        Assert.Equal(0, code);
        Assert.Contains("TimerPO seed 0 step 2/2", output.ToString());
        Assert.Equal(2, File.ReadAllLines(run + ".metrics.jsonl").Length);
        var table = new StringWriter();
        Assert.Equal(0, ReproduceTimerPO.Program.Table(temp.Path, table));
        Assert.Matches(@"\| \*\*TimerPO \(this library, AnomSeer-Tiny\)\*\* \| 1 \| 2 \|", table.ToString());
        Assert.Contains("| Full TimerPO, paper AnomSeer-3B |", table.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AnomSeer.Lib.sln"))) return dir.FullName;
        throw new InvalidOperationException("AnomSeer.Lib.sln not found above " + AppContext.BaseDirectory);
    }
}
