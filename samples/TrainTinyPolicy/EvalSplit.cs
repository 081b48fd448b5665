using System.Diagnostics;
using System.Text;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;
using AnomSeer.Policy;
using AnomSeer.Training;

namespace TrainTinyPolicy;

/// <summary>The policy (one response per series at T = 0.4, the paper's setting) and the expert detector on the AnomLLM-style eval split.</summary>
public static class EvalSplit
{
    public static string Run(IPolicyModel policy, int perTask, int batchSize, TextWriter progress, int seed = 0, int maxTokens = 400)
    {
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, perTask,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Eval)).ToList();
        var factory = new TimerPoExampleFactory();
        var detector = new ExpertDetector();
        var policyByFamily = new EvaluationReport();
        var policyByTask = new EvaluationReport();
        var expertByFamily = new EvaluationReport();
        // Responses are capped at 400 tokens (the longest full SFT target is about 330); a derailed response ends there unparsed.
        var options = new TimerPoOptions { Seed = seed, MaxResponseTokens = maxTokens };
        var clock = Stopwatch.StartNew();
        // Interleave tasks so partial progress is representative; chunks keep the rendered images' memory bounded.
        var order = Enumerable.Range(0, samples.Count).OrderBy(i => i % perTask).ThenBy(i => i / perTask).ToArray();
        for (int start = 0; start < order.Length; start += 64)
        {
            var chunk = order.Skip(start).Take(64).Select(i => samples[i]).ToArray();
            var examples = chunk.Select(s => factory.Create(s)).ToArray();
            var result = PolicyEvaluator.Evaluate(policy, examples, options with { Seed = seed + start }, batchSize);
            for (int k = 0; k < chunk.Length; k++)
            {
                var s = chunk[k];
                policyByFamily.Add(AnomLlmTaskNames.PaperTableColumn(s.Task), result.Rewards[k]);
                policyByTask.Add(s.Task, result.Rewards[k]);
                string answer = detector.Detect(s.AsSpan()).ToAnswerText();
                expertByFamily.Add(AnomLlmTaskNames.PaperTableColumn(s.Task), TsadReward.Score(answer, s.Intervals, s.Class, s.Length));
            }
            progress.WriteLine($"eval {Math.Min(start + 64, order.Length)}/{order.Length}, {clock.Elapsed.TotalMinutes:F1} min");
        }
        var sb = new StringBuilder();
        sb.AppendLine($"AnomLLM-style eval split: {samples.Count} series (8 tasks × {perTask}, seed 42), one response each at temperature 0.4, top-p 1, at most {maxTokens} tokens, seed {seed}; {clock.Elapsed.TotalMinutes:F1} min.");
        sb.AppendLine();
        sb.AppendLine(Table1.Header);
        sb.AppendLine(Table1.Row($"AnomSeer-Tiny SFT ({(policy.Modality)})", policyByFamily));
        sb.AppendLine(Table1.Row("ExpCoT expert detector (no training)", expertByFamily));
        sb.AppendLine();
        sb.AppendLine("Per task (policy):");
        sb.AppendLine();
        sb.AppendLine(policyByTask.ToMarkdown());
        return sb.ToString();
    }
}
