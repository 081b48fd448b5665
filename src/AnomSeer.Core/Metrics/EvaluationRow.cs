namespace AnomSeer.Metrics;

/// <summary>Macro averages (over series) of the evaluation metrics for one category, or for all.</summary>
/// <param name="Category">The category name (a task, a paper column), or "overall".</param>
/// <param name="Count">Number of series averaged.</param>
/// <param name="AffiliationPrecision">Mean affiliation precision (undefined counted 0, as in the reward).</param>
/// <param name="AffiliationRecall">Mean affiliation recall.</param>
/// <param name="AffiliationF1">Mean affiliation F1 (the paper's "Affinity-F1").</param>
/// <param name="Precision">Mean point-wise precision.</param>
/// <param name="Recall">Mean point-wise recall.</param>
/// <param name="F1">Mean point-wise F1.</param>
/// <param name="ClassAccuracy">Fraction of series with the right class.</param>
/// <param name="FormatRate">Fraction of responses with a correct format.</param>
/// <param name="MeanReward">Mean TSAD reward.</param>
public sealed record EvaluationRow(string Category, int Count, double AffiliationPrecision, double AffiliationRecall, double AffiliationF1,
    double Precision, double Recall, double F1, double ClassAccuracy, double FormatRate, double MeanReward);
