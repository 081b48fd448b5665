using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;
using TorchSharp;

namespace ReproduceTimerPO;

/// <summary>
/// <c>run</c>: one configuration (mode, seed) of the ablation from the SFT checkpoint, trained on the paper's RL split
/// (AnomLLM-style train, 8 × 400, seed 3407) for a fixed number of steps, then evaluated; writes a result JSON.
/// <c>table</c>: the Table 1/2 layout (mean ± std over seeds) of all result JSONs in a folder.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var a = Arguments.Parse(args);
        torch.set_num_threads(a.Int("threads", 1));
        return a.Verb switch
        {
            "run" => Run(a, Console.Out),
            "table" => Table(a.Required("results"), Console.Out),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ReproduceTimerPO run --sft DIR --mode TimerPO|NoOrthogonalization|OutcomeOnly|GenericCoT --seed S --steps N --out DIR [--prompts 4] [--max-tokens 320] [--lr 1e-4] [--eval-per-task 50] [--vta-per-type 10] [--train-per-task 400]");
        Console.Error.WriteLine("       ReproduceTimerPO table --results DIR");
        return 2;
    }

    public static int Run(Arguments a, TextWriter output)
    {
        var mode = Enum.Parse<TimerPoMode>(a.Required("mode"));
        int seed = a.Int("seed", 0);
        int steps = a.Int("steps", 20);
        string outDir = a.Required("out");
        int trainPerTask = a.Int("train-per-task", 400);
        var options = new TimerPoOptions
        {
            Mode = mode,
            Seed = seed,
            PromptsPerStep = a.Int("prompts", 4),
            MaxResponseTokens = a.Int("max-tokens", 320),
            LearningRate = a.Double("lr", 1e-4),
            MetricsLogPath = outDir.TrimEnd('/') + ".metrics.jsonl",
        };
        var train = SyntheticDatasets.AnomLlm(DatasetSplit.Train, trainPerTask,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train)).ToList();
        var factory = new TimerPoExampleFactory();
        var clock = Stopwatch.StartNew();
        using var policy = TinyPolicyModel.Load(a.Required("sft"));
        using var reference = policy.Clone();
        using var trainer = new TimerPoTrainer(policy, reference, options);
        var rewards = new List<double>();
        while (trainer.StepsDone < steps)
        {
            // The step's prompts by the trainer's own schedule; examples are built on demand (images are large).
            var indices = PromptSchedule.IndicesFor(train.Count, options.PromptsPerStep, seed, trainer.StepsDone);
            var m = trainer.Step(indices.Select(i => factory.Create(train[i])).ToArray());
            rewards.Add(m.RewardMean);
            output.WriteLine($"{mode} seed {seed} step {trainer.StepsDone}/{steps}: reward {m.RewardMean:F3}, {clock.Elapsed.TotalMinutes:F1} min");
        }
        double trainMinutes = clock.Elapsed.TotalMinutes;
        policy.Save(outDir, $"# AnomSeer-Tiny, TimerPO ablation run\n\n- Mode {mode}, seed {seed}, {steps} steps of {options.PromptsPerStep} prompts × {options.ResponsesPerPrompt} responses, lr {options.LearningRate}, max {options.MaxResponseTokens} response tokens.\n- From {a.Required("sft")}; RL data: AnomLLM-style train split, {trainPerTask} per task, seed 3407.\n- Training wall time {trainMinutes:F1} min on 2 shared CPU cores.\n");
        var anomllm = Evaluation.AnomLlm(policy, a.Int("eval-per-task", 50), seed);
        var vta = Evaluation.Vta(policy, a.Int("vta-per-type", 10), seed);
        var result = new RunResult(mode.ToString(), seed, steps, options.PromptsPerStep, trainMinutes, clock.Elapsed.TotalMinutes,
            rewards.Take(5).DefaultIfEmpty().Average(), rewards.TakeLast(5).DefaultIfEmpty().Average(), anomllm, vta);
        AnomSeer.IO.AtomicFile.WriteAllText(outDir.TrimEnd('/') + ".result.json",
            JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    public static int Table(string folder, TextWriter output)
    {
        var results = Directory.GetFiles(folder, "*.result.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<RunResult>(File.ReadAllText(f))!).ToList();
        output.Write(Tables.Render(results));
        return 0;
    }
}
