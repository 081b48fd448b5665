using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using AnomSeer.Training;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>
/// Sizes and inputs of the AnomSeer-Tiny benchmarks: real AnomLLM-style training examples (plot, series, ExpCoT) and an
/// untrained model of the default configuration. With the environment variable <see cref="DryRunVariable"/> set to 1
/// (the CI dry run does) the batches and lengths shrink so that every case runs in about a second.
/// </summary>
public static class PolicyBenchmarkData
{
    /// <summary>The environment variable that selects the small dry-run sizes when it is <c>1</c>.</summary>
    public const string DryRunVariable = "ANOMSEER_BENCHMARK_DRY";

    /// <summary>Whether the small dry-run sizes are in use.</summary>
    public static bool DryRun => Environment.GetEnvironmentVariable(DryRunVariable) == "1";

    /// <summary>Prompts per generation: 16 (2 in the dry run).</summary>
    public static int Prompts => DryRun ? 2 : 16;

    /// <summary>Responses per prompt: 5 (2 in the dry run).</summary>
    public static int ResponsesPerPrompt => DryRun ? 2 : 5;

    /// <summary>Rows generated together: prompts × responses.</summary>
    public static int Rows => Prompts * ResponsesPerPrompt;

    /// <summary>Examples in one SFT step: 16 (2 in the dry run).</summary>
    public static int SftBatch => DryRun ? 2 : 16;

    /// <summary>Examples j = 0 … count − 1 of the AnomLLM training stream: task j mod 8, series j / 8 of the train seed,
    /// rendered at the default 1000 × 150 RGB size with their ExpCoT.</summary>
    public static TimerPoExample[] Examples(int count)
    {
        var generator = new AnomLlmGenerator();
        var factory = new TimerPoExampleFactory();
        ulong seed = SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train);
        var tasks = AnomLlmTaskNames.All;
        var examples = new TimerPoExample[count];
        for (int j = 0; j < count; j++)
        {
            var task = tasks[j % tasks.Count];
            int index = j / tasks.Count;
            var s = generator.Generate(task, seed, index);
            string name = task.ToName();
            examples[j] = factory.Create(new TsadSample($"anomllm-train-{name}-{index:D4}", "anomllm", name, "train", s.Class, s.Values, s.Intervals));
        }
        return examples;
    }

    /// <summary>An untrained model of the default configuration (<see cref="InputModality.ImageAndSeries"/>), its tokenizer
    /// built from the SFT targets of the first 64 training examples, as the CLI and the training sample build theirs.</summary>
    public static TinyPolicyModel UntrainedModel()
    {
        var tokenizer = PolicyTokenizerBuilder.Build(Examples(64).Select(SftTargets.Text));
        return new TinyPolicyModel(new TinyPolicyConfig(), tokenizer, seed: 0);
    }
}
