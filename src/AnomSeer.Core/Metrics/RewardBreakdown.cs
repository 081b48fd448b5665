using AnomSeer.Answers;

namespace AnomSeer.Metrics;

/// <summary>
/// The TSAD reward of one response and every component it is made of (method spec b.2).
/// </summary>
/// <param name="Total">The scalar reward in [0, 1] (with the default weights).</param>
/// <param name="Localization">Mean of the six localisation metrics.</param>
/// <param name="Precision">Point-wise precision.</param>
/// <param name="Recall">Point-wise recall.</param>
/// <param name="F1">Point-wise F1.</param>
/// <param name="AffiliationPrecision">Affiliation precision (0 when undefined).</param>
/// <param name="AffiliationRecall">Affiliation recall.</param>
/// <param name="AffiliationF1">Affiliation F1.</param>
/// <param name="ClassCorrect">1 when the predicted class equals the ground-truth class, else 0.</param>
/// <param name="Format">The format flag, 0 or 1.</param>
/// <param name="Answer">The parsed response.</param>
public sealed record RewardBreakdown(
    double Total,
    double Localization,
    double Precision,
    double Recall,
    double F1,
    double AffiliationPrecision,
    double AffiliationRecall,
    double AffiliationF1,
    double ClassCorrect,
    double Format,
    ParsedAnswer Answer);
