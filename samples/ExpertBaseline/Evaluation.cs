using System.Globalization;
using AnomSeer;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;

namespace ExpertBaseline;

/// <summary>Evaluation tables of the expert detector on the synthetic suites.</summary>
internal static class Evaluation
{
    // Paper Table 1 (method spec e; Affinity-F1 and class accuracy, %).
    private static readonly (string Method, double Acc, double Freq, double Trend, double Range, double Point)[] PaperRows =
    [
        ("GPT-4o (prompting)", 17.2, 10.9, 43.5, 57.0, 53.4),
        ("Gemini-2.5-Pro (prompting)", 12.6, 19.1, 59.0, 81.3, 74.5),
        ("Qwen2.5-VL-72B-Instruct (prompting)", 14.6, 31.4, 32.1, 74.6, 62.7),
        ("TimeMaster-3B (SFT + GRPO)", 57.9, 51.4, 76.6, 80.1, 79.6),
        ("AnomSeer-3B (TimerPO)", 62.8, 58.9, 84.9, 85.6, 87.8),
        ("AnomSeer-7B (TimerPO)", 65.0, 60.8, 87.7, 94.3, 94.9),
    ];

    public static void AnomLlm(ExpertDetector detector, TextWriter output, int? perTask = null)
    {
        int count = perTask ?? SyntheticDatasets.DefaultCountPerTask(SyntheticSuite.AnomLlm);
        var eval = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, count,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Eval)).ToList();
        var rewards = Scoring.Score(detector, eval);
        var byTask = new EvaluationReport();
        var byFamily = new EvaluationReport();
        for (int i = 0; i < eval.Count; i++)
        {
            byTask.Add(eval[i].Task, rewards[i]);
            byFamily.Add(AnomLlmTaskNames.PaperTableColumn(eval[i].Task), rewards[i]);
        }

        output.WriteLine($"## AnomLLM-style eval split ({eval.Count} series, 8 tasks × {count}, seed 42)");
        output.WriteLine();
        output.WriteLine("Table 1 layout (Affinity-F1 and class accuracy, %; Frequency = freq + noisy-freq, Trend = trend + noisy-trend + flat-trend, Range = range, Point = point + noisy-point; Avg F1 = mean of the four columns):");
        output.WriteLine();
        output.WriteLine("| Method | Class. Acc | Frequency F1 | Trend F1 | Range F1 | Point F1 | Avg F1 |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in PaperRows)
            output.WriteLine($"| {r.Method} (paper) | {r.Acc:F1} | {r.Freq:F1} | {r.Trend:F1} | {r.Range:F1} | {r.Point:F1} | {(r.Freq + r.Trend + r.Range + r.Point) / 4:F1} |");
        double f(string fam) => 100 * byFamily[fam].AffiliationF1;
        double avg = (f("Frequency") + f("Trend") + f("Range") + f("Point")) / 4;
        output.WriteLine($"| **ExpCoT expert detector (this library, no training)** | {100 * byFamily.Overall.ClassAccuracy:F1} | {f("Frequency"):F1} | {f("Trend"):F1} | {f("Range"):F1} | {f("Point"):F1} | {avg:F1} |");
        // Reference point: the constant answer "<answer>[]</answer><class>normal</class>" scores 1 on every normal series.
        var trivial = new EvaluationReport();
        const string normalAnswer = "<think>constant baseline</think>\n<answer>[]</answer>\n<class>normal</class>";
        foreach (var s in eval) trivial.Add(AnomLlmTaskNames.PaperTableColumn(s.Task), TsadReward.Score(normalAnswer, s.Intervals, s.Class, s.Length));
        double g(string fam) => 100 * trivial[fam].AffiliationF1;
        output.WriteLine($"| constant answer \"[] / normal\" (reference) | {100 * trivial.Overall.ClassAccuracy:F1} | {g("Frequency"):F1} | {g("Trend"):F1} | {g("Range"):F1} | {g("Point"):F1} | {(g("Frequency") + g("Trend") + g("Range") + g("Point")) / 4:F1} |");
        output.WriteLine();
        output.WriteLine("Per family:");
        output.WriteLine();
        output.WriteLine(byFamily.ToMarkdown());
        output.WriteLine("Per task folder:");
        output.WriteLine();
        output.WriteLine(byTask.ToMarkdown());
        output.WriteLine("Predicted class by task (count):");
        output.WriteLine();
        ConfusionTable(eval.Select(s => s.Task).ToArray(), rewards, output);
    }

    public static void Vta(ExpertDetector detector, TextWriter output, int? perType = null)
    {
        int count = perType ?? SyntheticDatasets.DefaultCountPerTask(SyntheticSuite.Vta);
        var eval = SyntheticDatasets.Vta(DatasetSplit.Eval, count,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.Vta, DatasetSplit.Eval)).ToList();
        var rewards = Scoring.Score(detector, eval);
        var byType = new EvaluationReport();
        for (int i = 0; i < eval.Count; i++) byType.Add(eval[i].Task, rewards[i]);
        output.WriteLine($"## VisualTimeAnomaly-style univariate suite, eval split ({eval.Count} series, 5 types × {count}, length 400)");
        output.WriteLine();
        output.WriteLine(byType.ToMarkdown());
        output.WriteLine("Predicted class by type (count):");
        output.WriteLine();
        ConfusionTable(eval.Select(s => s.Task).ToArray(), rewards, output);
    }

    private static void ConfusionTable(string[] tasks, RewardBreakdown[] rewards, TextWriter output)
    {
        var classes = new[] { "normal", "global point", "contextual point", "seasonal", "trend", "shapelet" };
        output.WriteLine("| task | " + string.Join(" | ", classes) + " |");
        output.WriteLine("|---|" + string.Concat(classes.Select(_ => "---:|")));
        foreach (var task in tasks.Distinct())
        {
            var counts = classes.Select(c => rewards.Where((r, i) => tasks[i] == task && r.Answer.Class is { } k && k.ToCanonicalName() == c).Count());
            output.WriteLine($"| {task} | " + string.Join(" | ", counts.Select(c => c.ToString(CultureInfo.InvariantCulture))) + " |");
        }
        output.WriteLine();
    }
}
