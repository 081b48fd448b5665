using System.Text;

namespace ReproduceTimerPO;

/// <summary>The Table 1/2 layout: mean ± std over seeds per mode, the paper's rows beside them.</summary>
public static class Tables
{
    private static readonly string[] Families = ["Frequency", "Trend", "Range", "Point"];

    // Paper Table 2 (AnomSeer-3B ablation, affiliation F1 %; class accuracy not reported there) and Table 1's full row.
    private static readonly (string Name, double? Acc, double Freq, double Trend, double Range, double Point)[] Paper =
    [
        ("Vanilla GRPO (OutcomeOnly), paper 3B", null, 50.4, 77.8, 81.8, 80.6),
        ("w/o orthogonalisation (NoOrthogonalization), paper 3B", null, 53.5, 81.1, 83.5, 85.4),
        ("w/o ExpCoT (GenericCoT), paper 3B", null, 49.8, 79.5, 84.4, 86.1),
        ("Full TimerPO, paper AnomSeer-3B", 62.8, 58.9, 84.9, 85.6, 87.8),
    ];

    private static readonly string[] ModeOrder = ["SFT start (no RL)", "OutcomeOnly", "NoOrthogonalization", "GenericCoT", "TimerPO"];

    /// <summary>Runs with no RL step are the SFT starting point, whatever their mode.</summary>
    private static string Label(RunResult r) => r.Steps == 0 ? "SFT start (no RL)" : r.Mode;

    public static string Render(IReadOnlyList<RunResult> results)
    {
        results = results.Select(r => r with { Mode = Label(r) }).ToList();
        var sb = new StringBuilder();
        var modes = results.Select(r => r.Mode).Distinct().OrderBy(m => Array.IndexOf(ModeOrder, m)).ToList();
        sb.AppendLine("AnomLLM-style eval split (affiliation F1 and class accuracy, %; mean ± std over seeds):");
        sb.AppendLine();
        sb.AppendLine("| Configuration | seeds | steps | Format % | Class. Acc | Frequency F1 | Trend F1 | Range F1 | Point F1 | Avg F1 | reward first 5 → last 5 steps |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in Paper)
            sb.AppendLine($"| {p.Name} | – | – | – | {(p.Acc is { } acc ? acc.ToString("F1") : "–")} | {p.Freq:F1} | {p.Trend:F1} | {p.Range:F1} | {p.Point:F1} | {(p.Freq + p.Trend + p.Range + p.Point) / 4:F1} | – |");
        foreach (var mode in modes)
        {
            var rs = results.Where(r => r.Mode == mode).ToList();
            string cell(Func<RunResult, double> f) => MeanStd(rs.Select(f).ToList());
            string cell2(Func<RunResult, double> f) => MeanStd(rs.Select(f).ToList(), 3);
            double avg(RunResult r) => Families.Average(fam => r.AnomLlm.AffiliationF1.GetValueOrDefault(fam));
            sb.AppendLine($"| **{mode} (this library, AnomSeer-Tiny)** | {rs.Count} | {rs[0].Steps} | {cell(r => r.AnomLlm.FormatRate)} | {cell(r => r.AnomLlm.ClassAccuracy)} | "
                + string.Join(" | ", Families.Select(fam => cell(r => r.AnomLlm.AffiliationF1.GetValueOrDefault(fam))))
                + $" | {cell(avg)} | {cell2(r => r.RewardFirst5)} → {cell2(r => r.RewardLast5)} |");
        }
        sb.AppendLine();
        var vtaTypes = results.SelectMany(r => r.Vta.AffiliationF1.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (vtaTypes.Count > 0)
        {
            sb.AppendLine("VisualTimeAnomaly-style suite, out of domain (affiliation F1 %, mean ± std over seeds):");
            sb.AppendLine();
            sb.AppendLine("| Configuration | " + string.Join(" | ", vtaTypes) + " | Class. Acc |");
            sb.AppendLine("|---|" + string.Concat(vtaTypes.Select(_ => "---:|")) + "---:|");
            foreach (var mode in modes)
            {
                var rs = results.Where(r => r.Mode == mode).ToList();
                sb.AppendLine($"| {mode} | " + string.Join(" | ", vtaTypes.Select(t => MeanStd(rs.Select(r => r.Vta.AffiliationF1.GetValueOrDefault(t)).ToList())))
                    + $" | {MeanStd(rs.Select(r => r.Vta.ClassAccuracy).ToList())} |");
            }
            sb.AppendLine();
        }
        sb.AppendLine("Per run:");
        sb.AppendLine();
        sb.AppendLine("| mode | seed | train min | Avg F1 | Class. Acc | Format % | reward first 5 → last 5 steps |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results.OrderBy(r => Array.IndexOf(ModeOrder, r.Mode)).ThenBy(r => r.Seed))
            sb.AppendLine($"| {r.Mode} | {r.Seed} | {r.TrainMinutes:F1} | {Families.Average(f => r.AnomLlm.AffiliationF1.GetValueOrDefault(f)):F1} | {r.AnomLlm.ClassAccuracy:F1} | {r.AnomLlm.FormatRate:F1} | {r.RewardFirst5:F3} → {r.RewardLast5:F3} |");
        return sb.ToString();
    }

    private static string MeanStd(IReadOnlyList<double> xs, int decimals = 1)
    {
        if (xs.Count == 0) return "–";
        string f = "F" + decimals;
        double m = xs.Average();
        if (xs.Count == 1) return m.ToString(f);
        double sd = Math.Sqrt(xs.Sum(x => (x - m) * (x - m)) / (xs.Count - 1));
        return $"{m.ToString(f)} ± {sd.ToString(f)}";
    }
}
