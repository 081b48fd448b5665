using System.CommandLine;
using System.Globalization;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer train timerpo --model DIR --out DIR [--mode TimerPO|NoOrthogonalization|OutcomeOnly|GenericCoT] [--steps N]
/// [--seed S] [--count N] [--prompts-per-step N] [--responses N] [--max-tokens N] [--learning-rate LR]</c>: TimerPO
/// (<see cref="TimerPoTrainer"/>, method spec b.9) or one of its ablations, starting from a checkpoint folder (typically
/// written by <c>train sft</c>), on generated AnomLLM-style series; the frozen reference policy of the KL loss is a copy of
/// the starting policy. When the folder holds the TimerPO trainer state of an earlier <c>train timerpo</c> with the same
/// seed, mode and batch shape, the run continues from it (<c>--steps</c> is the step to reach). <c>--out</c> receives,
/// atomically, the policy files and the trainer state in <c>timerpo-trainer/</c>.
/// </summary>
public static class TrainTimerPoCommand
{
    private static readonly string[] Modes = Enum.GetNames<TimerPoMode>();

    /// <summary>Builds the sub-verb.</summary>
    public static Command Create(CliContext context)
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "The starting checkpoint folder (for example the output of 'train sft').", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output checkpoint folder (created or replaced as a whole).", Required = true };
        var mode = new Option<string>("--mode") { Description = "TimerPO (default), or an ablation: NoOrthogonalization, OutcomeOnly (GRPO), GenericCoT.", DefaultValueFactory = _ => nameof(TimerPoMode.TimerPO) };
        mode.AcceptOnlyFromAmong(Modes);
        var steps = new Option<int>("--steps") { Description = "Steps to reach (a resumed run counts its earlier steps).", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the prompt order and the sampling.", DefaultValueFactory = _ => TimerPoOptions.Defaults.Seed };
        var count = new Option<int>("--count") { Description = "Generated training series per AnomLLM task (8 tasks, train seed 3407).", DefaultValueFactory = _ => 8 };
        var prompts = new Option<int>("--prompts-per-step") { Description = "Prompts per step.", DefaultValueFactory = _ => TimerPoOptions.Defaults.PromptsPerStep };
        var responses = new Option<int>("--responses") { Description = "Responses sampled per prompt (the GRPO group).", DefaultValueFactory = _ => TimerPoOptions.Defaults.ResponsesPerPrompt };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Maximum response length in tokens.", DefaultValueFactory = _ => TimerPoOptions.Defaults.MaxResponseTokens };
        var lr = new Option<double>("--learning-rate") { Description = "AdamW learning rate.", DefaultValueFactory = _ => TimerPoOptions.Defaults.LearningRate };

        var command = new Command("timerpo", "TimerPO reinforcement learning (or an ablation) of an AnomSeer-Tiny checkpoint on generated AnomLLM-style series.")
        {
            model, output, mode, steps, seed, count, prompts, responses, maxTokens, lr,
        };
        command.SetAction(parse => Run(context, new Settings(parse.GetValue(model)!, parse.GetValue(output)!, Enum.Parse<TimerPoMode>(parse.GetValue(mode)!),
            parse.GetValue(steps), parse.GetValue(seed), parse.GetValue(count), parse.GetValue(prompts), parse.GetValue(responses),
            parse.GetValue(maxTokens), parse.GetValue(lr))));
        return command;
    }

    private sealed record Settings(DirectoryInfo Model, DirectoryInfo Out, TimerPoMode Mode, int Steps, int Seed, int Count, int PromptsPerStep,
        int Responses, int MaxTokens, double LearningRate);

    private static int Run(CliContext ctx, Settings s)
    {
        if (s.Steps < 1) throw new CliUsageException($"--steps must be at least 1 (got {s.Steps}).");
        if (s.Count < 1) throw new CliUsageException($"--count must be at least 1 (got {s.Count}).");
        if (s.PromptsPerStep < 1) throw new CliUsageException($"--prompts-per-step must be at least 1 (got {s.PromptsPerStep}).");
        if (s.Responses < 2) throw new CliUsageException($"--responses must be at least 2, a group to compare (got {s.Responses}).");
        if (s.MaxTokens < 1) throw new CliUsageException($"--max-tokens must be at least 1 (got {s.MaxTokens}).");
        if (!(s.LearningRate > 0) || !double.IsFinite(s.LearningRate)) throw new CliUsageException($"--learning-rate must be positive (got {s.LearningRate.ToString(CultureInfo.InvariantCulture)}).");
        var ct = ctx.CancellationToken;
        var options = new TimerPoOptions
        {
            Mode = s.Mode,
            Seed = s.Seed,
            PromptsPerStep = s.PromptsPerStep,
            ResponsesPerPrompt = s.Responses,
            MaxResponseTokens = s.MaxTokens,
            LearningRate = s.LearningRate,
        };

        using var policy = TrainingInputs.LoadPolicy(s.Model);
        using var reference = policy.Clone();
        using var trainer = new TimerPoTrainer(policy, reference, options);
        string state = Path.Combine(s.Model.FullName, TrainingInputs.TimerPoStateFolder);
        if (Directory.Exists(state)) trainer.LoadCheckpoint(state);
        long startStep = trainer.StepsDone;

        TimerPoExample[] examples = [];
        IReadOnlyList<TimerPoStepMetrics> metrics = [];
        ctx.Console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var data = p.AddTask("Building training examples", maxValue: 8 * s.Count);
                examples = TrainingInputs.Examples(policy.Config, s.Count, () => data.Increment(1), ct);
                var train = p.AddTask(s.Mode.ToString(), maxValue: s.Steps);
                train.Value = Math.Min(startStep, s.Steps);
                metrics = trainer.Train(examples, s.Steps, new SyncProgress<TimerPoProgress>(r =>
                {
                    train.Value = r.StepsDone;
                    train.Description = $"{s.Mode} step {r.StepsDone}/{r.TotalSteps}, reward {r.Metrics.RewardMean:F3}";
                }), ct);
                train.Value = s.Steps;
            });

        TrainingInputs.SaveCheckpoint(s.Out.FullName, policy, TrainingCard(policy, options, trainer.StepsDone, startStep, s.Model.FullName, examples.Length, s.Count),
            TrainingInputs.TimerPoStateFolder, trainer.SaveCheckpoint);

        ctx.Out.WriteLine(startStep > 0
            ? $"Resumed {s.Mode} from step {startStep} of {s.Model.FullName}; trained {metrics.Count} step(s) to step {trainer.StepsDone}."
            : $"Trained {metrics.Count} {s.Mode} step(s) from {s.Model.FullName} on {examples.Length} examples (8 tasks × {s.Count}), " +
              $"{s.PromptsPerStep} prompts × {s.Responses} responses per step.");
        if (metrics.Count > 0)
        {
            var table = new Table().AddColumn(new TableColumn("step").RightAligned()).AddColumn(new TableColumn("reward").RightAligned())
                .AddColumn(new TableColumn("format").RightAligned()).AddColumn(new TableColumn("OT cost W").RightAligned())
                .AddColumn(new TableColumn("loss").RightAligned()).AddColumn(new TableColumn("KL").RightAligned())
                .AddColumn(new TableColumn("s/step").RightAligned());
            foreach (var m in new[] { metrics[0], metrics[^1] }.Distinct())
                table.AddRow((m.Step + 1).ToString(CultureInfo.InvariantCulture), F(m.RewardMean), F(m.FormatRate), F(m.TransportCostMean), F(m.Loss), F(m.Kl), F(m.TotalSeconds));
            ctx.Console.Write(table);
        }
        ctx.Out.WriteLine($"Wrote the AnomSeer-Tiny checkpoint ({s.Mode}, step {trainer.StepsDone}) to {s.Out.FullName}");
        return ExitCodes.Success;
    }

    private static string TrainingCard(TinyPolicyModel policy, TimerPoOptions o, long steps, long startStep, string from, int examples, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            # AnomSeer-Tiny, {o.Mode}

            - Trained by `anomseer train timerpo --mode {o.Mode}` (`TimerPoTrainer`) from `{from}`; the KL reference is that starting policy.
            - Data: {examples} generated AnomLLM-style training series (8 tasks × {count}, train seed 3407).
            - Steps: {steps} ({(startStep > 0 ? $"resumed at step {startStep}" : "from the start")}), {o.PromptsPerStep} prompts × {o.ResponsesPerPrompt} responses per step, at most {o.MaxResponseTokens} tokens, rollout temperature {o.RolloutTemperature}, AdamW lr {o.LearningRate}, seed {o.Seed}.
            - Input: {TrainingInputs.Name(policy.Config.Modality)}; {policy.ParameterCount:N0} parameters.
            """);

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F4", CultureInfo.InvariantCulture);
}
