using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Metrics;
using AnomSeer.Policy;
using AnomSeer.Training;

namespace ReproduceTimerPO;

/// <summary>Evaluations at the paper's setting: one response per series at temperature 0.4.</summary>
public static class Evaluation
{

    public static Scores AnomLlm(IPolicyModel policy, int perTask, int seed)
    {
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, perTask,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Eval)).ToList();
        return Score(policy, samples, seed, AnomLlmTaskNames.PaperTableColumn);
    }

    public static Scores Vta(IPolicyModel policy, int perType, int seed)
    {
        var samples = SyntheticDatasets.Vta(DatasetSplit.Eval, perType, SyntheticDatasets.DefaultSeed(SyntheticSuite.Vta, DatasetSplit.Eval)).ToList();
        return Score(policy, samples, seed, t => t);
    }

    private static Scores Score(IPolicyModel policy, IReadOnlyList<TsadSample> samples, int seed, Func<string, string> family)
    {
        var factory = new TimerPoExampleFactory();
        var report = new EvaluationReport();
        var options = new TimerPoOptions { Seed = seed, MaxResponseTokens = 320 };
        for (int start = 0; start < samples.Count; start += 32)
        {
            var chunk = samples.Skip(start).Take(32).ToArray();
            var result = PolicyEvaluator.Evaluate(policy, chunk.Select(s => factory.Create(s)).ToArray(), options with { Seed = seed + start }, 32);
            for (int k = 0; k < chunk.Length; k++) report.Add(family(chunk[k].Task), result.Rewards[k]);
        }
        var rows = report.Categories;
        return new Scores(report.Count, 100 * report.Overall.FormatRate, 100 * report.Overall.ClassAccuracy,
            rows.ToDictionary(r => r.Category, r => 100 * r.AffiliationF1), rows.ToDictionary(r => r.Category, r => r.F1));
    }
}
