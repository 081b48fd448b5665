using System.CommandLine;
using System.Globalization;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using AnomSeer.Training;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer train sft --out DIR [--model DIR] [--steps N] [--batch-size N] [--count N] [--seed S] [--modality M]
/// [--learning-rate LR] [--warmup N] [--schedule-steps N] [--reasoning full|concise] [--answer-weight W]</c>: supervised fine-tuning of AnomSeer-Tiny on the expert traces of generated
/// AnomLLM-style series (<see cref="SftTrainer"/>, examples from <see cref="TimerPoExampleFactory"/>). A new model gets a
/// tokenizer built from the corpus of SFT targets (the ExpCoT-derived reasoning with the answer and class tags) and the
/// ExpCoT texts, and the
/// default architecture, or the one of the hidden <c>--config FILE.json</c> (the <c>config.json</c> layout; for small test
/// models). <c>--model DIR</c> continues from a checkpoint folder: its weights and tokenizer, and, when it holds the SFT
/// trainer state of an earlier <c>train sft</c> with the same seed and batch size, its optimiser and step count (<c>--steps</c>
/// is then the step to reach; give the same <c>--schedule-steps</c> to both parts to continue the same learning-rate schedule). <c>DIR</c> of <c>--out</c> receives, atomically, the policy files (what <c>detect --model</c>
/// and <c>train timerpo --model</c> read) and the trainer state in <c>sft-trainer/</c>.
/// </summary>
public static class TrainSftCommand
{
    /// <summary>Builds the sub-verb.</summary>
    public static Command Create(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Output checkpoint folder (created or replaced as a whole).", Required = true };
        var model = new Option<DirectoryInfo?>("--model") { Description = "Continue from this checkpoint folder (weights, tokenizer; and the trainer state when it has one)." };
        var steps = new Option<int>("--steps") { Description = "Optimisation steps to reach (a resumed run counts its earlier steps).", DefaultValueFactory = _ => 200 };
        var batch = new Option<int>("--batch-size") { Description = "Examples per step.", DefaultValueFactory = _ => 16 };
        var count = new Option<int>("--count") { Description = "Generated training series per AnomLLM task (8 tasks, train seed 3407); each keeps its plot in memory.", DefaultValueFactory = _ => 25 };
        var seed = new Option<int>("--seed") { Description = "Seed of the weight initialisation and the example order.", DefaultValueFactory = _ => 0 };
        var modality = new Option<string?>("--modality") { Description = "Model input for a new model: image (the paper's) or image-and-series (default)." };
        modality.AcceptOnlyFromAmong(TrainingInputs.Modalities);
        var lr = new Option<double>("--learning-rate") { Description = "Peak AdamW learning rate.", DefaultValueFactory = _ => 1e-3 };
        var warmup = new Option<int?>("--warmup") { Description = "Linear warm-up steps (default: a tenth of the schedule, at most 100); a cosine decay follows." };
        var schedule = new Option<int?>("--schedule-steps") { Description = "Length of the learning-rate schedule (default: --steps); give the final step count when training in parts." };
        var reasoning = new Option<string>("--reasoning") { Description = "Target reasoning: full (the whole ExpCoT-derived trace, default) or concise (its observation paragraph only; a named deviation for compact models).", DefaultValueFactory = _ => "full" };
        reasoning.AcceptOnlyFromAmong("full", "concise");
        var answerWeight = new Option<double>("--answer-weight") { Description = "Weight of the answer and class tokens (after </think>) in the token loss, relative to the reasoning (default 1, the plain mean; the shipped SFT model used 4).", DefaultValueFactory = _ => 1.0 };
        var config = new Option<FileInfo?>("--config") { Description = "Architecture of a new model as config.json JSON (advanced; small test models).", Hidden = true };

        var command = new Command("sft", "Supervised fine-tuning of AnomSeer-Tiny on the expert chain-of-thought of generated AnomLLM-style series.")
        {
            output, model, steps, batch, count, seed, modality, lr, warmup, schedule, reasoning, answerWeight, config,
        };
        command.SetAction(parse => Run(context, new Settings(parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(steps),
            parse.GetValue(batch), parse.GetValue(count), parse.GetValue(seed), parse.GetValue(modality), parse.GetValue(lr),
            parse.GetValue(warmup), parse.GetValue(schedule), parse.GetValue(reasoning) == "concise" ? SftReasoningStyle.Concise : SftReasoningStyle.Full,
            parse.GetValue(answerWeight), parse.GetValue(config))));
        return command;
    }

    private sealed record Settings(DirectoryInfo Out, DirectoryInfo? Model, int Steps, int BatchSize, int Count, int Seed, string? Modality,
        double LearningRate, int? Warmup, int? ScheduleSteps, SftReasoningStyle Reasoning, double AnswerWeight, FileInfo? Config);

    private static int Run(CliContext ctx, Settings s)
    {
        if (s.Steps < 1) throw new CliUsageException($"--steps must be at least 1 (got {s.Steps}).");
        if (s.BatchSize < 1) throw new CliUsageException($"--batch-size must be at least 1 (got {s.BatchSize}).");
        if (s.Count < 1) throw new CliUsageException($"--count must be at least 1 (got {s.Count}).");
        if (!(s.LearningRate > 0) || !double.IsFinite(s.LearningRate)) throw new CliUsageException($"--learning-rate must be positive (got {s.LearningRate.ToString(CultureInfo.InvariantCulture)}).");
        if (!(s.AnswerWeight > 0) || !double.IsFinite(s.AnswerWeight)) throw new CliUsageException($"--answer-weight must be positive (got {s.AnswerWeight.ToString(CultureInfo.InvariantCulture)}).");
        if (s.Warmup is < 0) throw new CliUsageException($"--warmup must not be negative (got {s.Warmup}).");
        if (s.ScheduleSteps is < 1) throw new CliUsageException($"--schedule-steps must be at least 1 (got {s.ScheduleSteps}).");
        int scheduleSteps = s.ScheduleSteps ?? s.Steps;
        if (s.Model is not null && s.Config is not null) throw new CliUsageException("--config applies to a new model only; --model continues with the model's own architecture.");
        var modality = TrainingInputs.Modality(s.Modality);
        var ct = ctx.CancellationToken;
        var newConfig = s.Config is null ? null : TrainingInputs.ReadConfig(s.Config);

        TinyPolicyModel? policy = s.Model is null ? null : TrainingInputs.LoadPolicy(s.Model);
        try
        {
            if (policy is not null && modality is { } wanted && wanted != policy.Config.Modality)
                throw new CliUsageException($"--modality {s.Modality} differs from the model's ({TrainingInputs.Name(policy.Config.Modality)}); leave it out to continue the model.");
            var config = policy?.Config ?? (newConfig ?? new TinyPolicyConfig()) with { Modality = modality ?? (newConfig?.Modality ?? InputModality.ImageAndSeries) };
            var options = new SftOptions
            {
                BatchSize = s.BatchSize,
                Seed = s.Seed,
                LearningRate = s.LearningRate,
                WarmupSteps = s.Warmup ?? Math.Min(100, scheduleSteps / 10),
                ScheduleSteps = scheduleSteps,
                ReasoningStyle = s.Reasoning,
                AnswerTokenWeight = s.AnswerWeight,
            };

            TimerPoExample[] examples = [];
            IReadOnlyList<SftStepMetrics> metrics = [];
            long startStep = 0;
            SftTrainer? trainer = null;
            try
            {
                ctx.Console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(p =>
                    {
                        var data = p.AddTask("Building training examples", maxValue: 8 * s.Count);
                        examples = TrainingInputs.Examples(config, s.Count, () => data.Increment(1), ct);
                        if (policy is null)
                        {
                            // The corpus: the SFT targets the model learns to write, and the ExpCoT texts TimerPO later reads.
                            var tokenizer = PolicyTokenizerBuilder.Build(examples.Select(e => SftTargets.Text(e, s.Reasoning))
                                .Concat(examples.Select(e => e.ExpertReference)));
                            policy = new TinyPolicyModel(config with { VocabSize = 0 }, tokenizer, s.Seed);
                        }
                        trainer = new SftTrainer(policy, options);
                        string state = s.Model is null ? "" : Path.Combine(s.Model.FullName, TrainingInputs.SftStateFolder);
                        if (s.Model is not null && Directory.Exists(state)) trainer.LoadCheckpoint(state);
                        startStep = trainer.StepsDone;
                        var train = p.AddTask("SFT", maxValue: Math.Max(1, s.Steps));
                        train.Value = Math.Min(startStep, s.Steps);
                        metrics = trainer.Train(examples, s.Steps, new SyncProgress<SftProgress>(r =>
                        {
                            train.Value = r.StepsDone;
                            train.Description = $"SFT step {r.StepsDone}/{r.TotalSteps}, loss {r.Metrics.Loss:F3}";
                        }), cancellationToken: ct);
                        train.Value = s.Steps;
                    });

                var done = trainer!;
                string card = TrainingCard(policy!, options, done.StepsDone, startStep, s.Count, examples.Length);
                TrainingInputs.SaveCheckpoint(s.Out.FullName, policy!, card, TrainingInputs.SftStateFolder, done.SaveCheckpoint);

                ctx.Out.WriteLine(startStep > 0
                    ? $"Resumed from step {startStep} of {s.Model!.FullName}; trained {metrics.Count} step(s) to step {done.StepsDone}."
                    : $"Trained {metrics.Count} step(s) from {(s.Model is null ? "a new model" : s.Model.FullName)} on {examples.Length} examples (8 tasks × {s.Count}).");
                if (metrics.Count > 0)
                {
                    var table = new Table().AddColumn(new TableColumn("step").RightAligned()).AddColumn(new TableColumn("loss").RightAligned())
                        .AddColumn(new TableColumn("token loss").RightAligned()).AddColumn(new TableColumn("anomaly-head loss").RightAligned())
                        .AddColumn(new TableColumn("learning rate").RightAligned()).AddColumn(new TableColumn("s/step").RightAligned());
                    foreach (var m in new[] { metrics[0], metrics[^1] }.Distinct())
                        table.AddRow(Num(m.Step + 1), F(m.Loss), F(m.TokenLoss), F(m.AnomalyHeadLoss), m.LearningRate.ToString("E2", CultureInfo.InvariantCulture), F(m.Seconds));
                    ctx.Console.Write(table);
                }
                ctx.Out.WriteLine($"Wrote the AnomSeer-Tiny checkpoint ({policy!.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters, vocabulary {policy.Tokenizer.Count}, " +
                                  $"{TrainingInputs.Name(policy.Config.Modality)}, step {done.StepsDone}) to {s.Out.FullName}");
                return ExitCodes.Success;
            }
            finally
            {
                trainer?.Dispose();
            }
        }
        finally
        {
            policy?.Dispose();
        }
    }

    private static string TrainingCard(TinyPolicyModel policy, SftOptions o, long steps, long startStep, int count, int examples) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            # AnomSeer-Tiny, SFT

            - Trained by `anomseer train sft` (`SftTrainer`: token NLL on the ExpCoT-derived traces, reasoning {o.ReasoningStyle.ToString().ToLowerInvariant()}, answer and class tokens × {o.AnswerTokenWeight}, + anomaly-head loss × {o.AnomalyHeadLossWeight}).
            - Data: {examples} generated AnomLLM-style training series (8 tasks × {count}, train seed 3407), plots {policy.Config.ImageWidth} × {policy.Config.ImageHeight} px, y fixed to (−1, 1).
            - Input: {TrainingInputs.Name(policy.Config.Modality)}; {policy.ParameterCount:N0} parameters; vocabulary {policy.Tokenizer.Count}.
            - Steps: {steps} ({(startStep > 0 ? $"resumed at step {startStep}" : "from the start")}), batch {o.BatchSize}, AdamW lr {o.LearningRate} (warm-up {o.WarmupSteps}, cosine to {o.MinLearningRateRatio}× at step {o.ScheduleSteps}), clip {o.MaxGradNorm}, seed {o.Seed}.
            """);

    private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
