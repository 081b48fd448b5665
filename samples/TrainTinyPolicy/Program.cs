using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AnomSeer.Data.Synthetic;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using AnomSeer.Training;
using TorchSharp;

namespace TrainTinyPolicy;

/// <summary>
/// <c>train</c>: SFT of AnomSeer-Tiny on fresh AnomLLM-style series until a step count or a time budget is reached,
/// checkpointing as it goes (resumable). <c>eval</c>: the policy and the expert detector on the eval split, Table 1 layout.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var a = Arguments.Parse(args);
        torch.set_num_threads(a.Int("threads", 2));
        return a.Verb switch
        {
            "train" => Train(a, Console.Out),
            "eval" => Evaluate(a, Console.Out),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: TrainTinyPolicy train --out DIR [--modality ImageAndSeries|Image] [--steps N] [--minutes M] [--batch 16] [--lr 1e-3] [--reasoning Full|Concise] [--answer-weight 1] [--head-weight 1] [--strip-width 4] [--seed 0] [--threads 2]");
        Console.Error.WriteLine("       TrainTinyPolicy eval --model DIR [--per-task 400] [--max-tokens 400] [--report FILE] [--threads 2]");
        return 2;
    }

    public static int Train(Arguments a, TextWriter output)
    {
        string outDir = a.Required("out");
        string trainerDir = outDir.TrimEnd('/') + ".trainer";
        string logPath = outDir.TrimEnd('/') + ".log.jsonl";
        var modality = Enum.Parse<InputModality>(a.Text("modality", "ImageAndSeries"));
        long steps = a.Int("steps", 4000);
        double minutes = a.Double("minutes", 1e9);
        int seed = a.Int("seed", 0);
        int checkpointEvery = a.Int("checkpoint-every", 100);
        var sft = new SftOptions
        {
            BatchSize = a.Int("batch", 16),
            LearningRate = a.Double("lr", 1e-3),
            WarmupSteps = a.Int("warmup", 100),
            ScheduleSteps = steps,
            AnomalyHeadLossWeight = a.Double("head-weight", 1.0),
            AnswerTokenWeight = a.Double("answer-weight", 1.0),
            Seed = seed,
            ReasoningStyle = Enum.Parse<SftReasoningStyle>(a.Text("reasoning", "Full")),
        };
        var factory = new TimerPoExampleFactory();
        var data = new FreshTrainingData(factory, SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train));

        TinyPolicyModel policy;
        bool resume = Directory.Exists(outDir) && Directory.Exists(trainerDir);
        if (resume)
        {
            policy = TinyPolicyModel.Load(outDir);
        }
        else
        {
            // Tokenizer from the SFT targets of 8 × 64 fresh training series (deterministic).
            var corpus = Enumerable.Range(0, a.Int("corpus-batches", 32)).SelectMany(k => data.Batch(100_000 + k, 16)).Select(SftTargets.Text).ToList();
            var tokenizer = PolicyTokenizerBuilder.Build(corpus);
            policy = new TinyPolicyModel(new TinyPolicyConfig { Modality = modality, StripWidth = a.Int("strip-width", TinyPolicyConfig.Defaults.StripWidth) }, tokenizer, seed);
        }
        using (policy)
        using (var trainer = new SftTrainer(policy, sft))
        {
            if (resume) trainer.LoadCheckpoint(trainerDir);
            output.WriteLine($"{(resume ? "resuming" : "training")} {modality}: {policy.ParameterCount:N0} parameters, vocabulary {policy.Tokenizer.Count}, from step {trainer.StepsDone} to {steps}, budget {minutes} min");
            var clock = Stopwatch.StartNew();
            using var log = new StreamWriter(logPath, append: true, new UTF8Encoding(false));
            while (trainer.StepsDone < steps && clock.Elapsed.TotalMinutes < minutes)
            {
                var batch = data.Batch(trainer.StepsDone, sft.BatchSize);
                var m = trainer.Step(batch);
                log.WriteLine(JsonSerializer.Serialize(new
                {
                    step = m.Step, loss = m.Loss, token_loss = m.TokenLoss, head_loss = m.AnomalyHeadLoss, grad_norm = m.GradNorm,
                    lr = m.LearningRate, tokens = m.Tokens, seconds = m.Seconds, elapsed = clock.Elapsed.TotalSeconds,
                }));
                if (trainer.StepsDone % 10 == 0)
                {
                    log.Flush();
                    output.WriteLine($"step {trainer.StepsDone}: loss {m.Loss:F3} (tokens {m.TokenLoss:F3}, head {m.AnomalyHeadLoss:F3}) {m.Seconds:F2} s/step, {clock.Elapsed.TotalMinutes:F1} min");
                }
                if (trainer.StepsDone % checkpointEvery == 0) Save(policy, trainer, outDir, trainerDir, modality, sft, clock.Elapsed);
            }
            Save(policy, trainer, outDir, trainerDir, modality, sft, clock.Elapsed);
            output.WriteLine($"saved {outDir} after {trainer.StepsDone} steps ({trainer.StepsDone * sft.BatchSize:N0} fresh series), {clock.Elapsed.TotalMinutes:F1} min in this run");
        }
        return 0;
    }

    private static void Save(TinyPolicyModel policy, SftTrainer trainer, string outDir, string trainerDir, InputModality modality,
        SftOptions sft, TimeSpan elapsed)
    {
        trainer.SaveCheckpoint(trainerDir);
        string card = $"""
            # AnomSeer-Tiny, SFT ({modality})

            - Trained by `samples/TrainTinyPolicy` with `SftTrainer` (token NLL on ExpCoT-derived traces, answer and class tokens weighted × {sft.AnswerTokenWeight}, + anomaly-head loss × {sft.AnomalyHeadLossWeight}).
            - Data: fresh AnomLLM-style training series generated on the fly (train seed 3407, indices from 1000 per task, all 8 tasks in turn): {trainer.StepsDone * sft.BatchSize:N0} series, none repeated.
            - Targets: {sft.ReasoningStyle} reasoning (SftReasoningStyle), then the answer and class tags.
            - Steps: {trainer.StepsDone} of a {sft.ScheduleSteps}-step schedule, batch {sft.BatchSize}, AdamW lr {sft.LearningRate} (warm-up {sft.WarmupSteps}, cosine to {sft.MinLearningRateRatio}×), clip {sft.MaxGradNorm}, seed {sft.Seed}.
            - Parameters: {policy.ParameterCount:N0}; vocabulary {policy.Tokenizer.Count}.
            - Wall time of the last run segment: {elapsed.TotalMinutes:F1} min on 2 CPU cores shared with other jobs.
            - Evaluation: see docs/policy.md.
            """;
        policy.Save(outDir, card);
    }

    public static int Evaluate(Arguments a, TextWriter output)
    {
        string modelDir = a.Required("model");
        int perTask = a.Int("per-task", 400);
        int batch = a.Int("batch", 32);
        using var policy = TinyPolicyModel.Load(modelDir);
        var report = EvalSplit.Run(policy, perTask, batch, output, maxTokens: a.Int("max-tokens", 400));
        string? reportPath = a.TextOrNull("report");
        if (reportPath is not null) AnomSeer.IO.AtomicFile.WriteAllText(reportPath, report);
        output.WriteLine(report);
        return 0;
    }
}
