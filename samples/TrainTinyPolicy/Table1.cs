using AnomSeer.Metrics;

namespace TrainTinyPolicy;

/// <summary>The layout of the paper's Table 1: class accuracy and affiliation F1 per task family (%).</summary>
internal static class Table1
{
    public static readonly string[] Families = ["Frequency", "Trend", "Range", "Point"];

    public const string Header = "| Method | Format % | Class. Acc | Frequency F1 | Trend F1 | Range F1 | Point F1 | Avg F1 | point-wise F1 range / point |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|";

    public static string Row(string method, EvaluationReport byFamily)
    {
        double f(string fam) => 100 * byFamily[fam].AffiliationF1;
        double avg = Families.Average(f);
        return $"| {method} | {100 * byFamily.Overall.FormatRate:F1} | {100 * byFamily.Overall.ClassAccuracy:F1} | {f("Frequency"):F1} | {f("Trend"):F1} | {f("Range"):F1} | {f("Point"):F1} | {avg:F1} | {byFamily["Range"].F1:F2} / {byFamily["Point"].F1:F2} |";
    }
}
