using System.CommandLine;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer eval --jsonl FILE [--expert] [--out FILE.md]</c>: runs the expert detector on every sample, scores each answer
/// with the TSAD reward (method spec b.2) against the sample's ground truth, and prints the evaluation table (one row per
/// task and the overall row, metrics in percent) as Markdown; <c>--out</c> also writes it to a file. Policy evaluation
/// (<c>--model</c>) is not available yet and is refused with an error ("policy evaluation is not available yet").
/// </summary>
public static class EvalCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var jsonl = new Option<FileInfo>("--jsonl") { Description = "JSONL dataset with ground truth (as written by 'anomseer generate').", Required = true };
        var expert = new Option<bool>("--expert") { Description = "Evaluate the ExpCoT expert detector (the default while no --model is given)." };
        var model = new Option<DirectoryInfo?>("--model") { Description = "A policy model folder (not available yet: reported as an error)." };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the Markdown table to this file." };
        var command = new Command("eval", "Evaluate a detector on a JSONL dataset: TSAD reward and its metrics per task, as a Markdown table.")
        {
            jsonl, expert, model, output,
        };
        command.SetAction(parse => Run(context, parse.GetValue(jsonl)!, parse.GetValue(expert), parse.GetValue(model), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext ctx, FileInfo jsonl, bool expert, DirectoryInfo? model, FileInfo? output)
    {
        if (expert && model is not null) throw new CliUsageException("give either --expert or --model, not both.");
        var ct = ctx.CancellationToken;
        CommandInputs.RequireFile(jsonl, "JSONL file");
        if (model is not null) CommandInputs.RejectModel(model);
        var samples = CommandInputs.LoadJsonl(jsonl, ct);
        var detector = new ExpertDetector();
        var rewards = new RewardBreakdown[samples.Count];

        ctx.Console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask("Evaluating the expert detector", maxValue: samples.Count);
                var tick = new object();
                Parallel.For(0, samples.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    var s = samples[i];
                    var d = detector.Detect(s.AsSpan(), ct);
                    rewards[i] = TsadReward.Score(d.ToAnswerText(), s.Intervals, s.Class, s.Length);
                    lock (tick) task.Increment(1);
                });
            });

        var report = new EvaluationReport();
        for (int i = 0; i < samples.Count; i++) report.Add(samples[i].Task, rewards[i]);
        string markdown = report.ToMarkdown();
        ctx.Out.WriteLine($"Detector: expert (ExpCoT classical analyses{(expert ? "" : "; the default while no --model is given")}), {samples.Count} samples from {jsonl.Name}");
        ctx.Out.Write(markdown);
        ctx.Out.Flush();
        if (output is not null)
        {
            CommandInputs.WriteText(output.FullName, markdown);
            ctx.Out.WriteLine($"Wrote {output.FullName}");
        }
        return ExitCodes.Success;
    }
}
