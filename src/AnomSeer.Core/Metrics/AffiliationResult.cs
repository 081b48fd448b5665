namespace AnomSeer.Metrics;

/// <summary>
/// Affiliation precision and recall (Huet et al., KDD 2022) of a set of predicted anomalous intervals
/// against ground-truth intervals, with the per-event quantities they are averaged from.
/// </summary>
/// <remarks>
/// The individual lists are indexed like <see cref="GroundTruthEvents"/>: entry <c>j</c> belongs to the
/// <c>j</c>-th ground-truth event after sorting and merging, and to its affiliation zone.
/// </remarks>
/// <param name="Precision">
/// Mean of the defined (non-NaN) individual precisions, in [0, 1]; <see cref="double.NaN"/> when no
/// predicted interval exists, so that every individual precision is undefined.
/// </param>
/// <param name="Recall">Mean of all individual recalls, in [0, 1].</param>
/// <param name="F1">
/// <c>2·P·R / (P + R)</c>; 0 when <c>P + R = 0</c> or when <see cref="Precision"/> is NaN.
/// </param>
/// <param name="GroundTruthEvents">The ground-truth events after sorting and merging, one per zone.</param>
/// <param name="IndividualPrecisionDistances">
/// Per event <c>j</c>: the mean distance from the predicted points in zone <c>j</c> to event <c>j</c>;
/// NaN when zone <c>j</c> holds no prediction.
/// </param>
/// <param name="IndividualRecallDistances">
/// Per event <c>j</c>: the mean distance from the points of event <c>j</c> to the predictions in zone
/// <c>j</c>; +∞ when zone <c>j</c> holds no prediction.
/// </param>
/// <param name="IndividualPrecisionProbabilities">
/// Per event <c>j</c>: the individual affiliation precision, in [0, 1]; NaN when zone <c>j</c> holds
/// no prediction.
/// </param>
/// <param name="IndividualRecallProbabilities">
/// Per event <c>j</c>: the individual affiliation recall, in [0, 1]; 0 when zone <c>j</c> holds no
/// prediction.
/// </param>
public sealed record AffiliationResult(
    double Precision,
    double Recall,
    double F1,
    IReadOnlyList<AnomalyInterval> GroundTruthEvents,
    IReadOnlyList<double> IndividualPrecisionDistances,
    IReadOnlyList<double> IndividualRecallDistances,
    IReadOnlyList<double> IndividualPrecisionProbabilities,
    IReadOnlyList<double> IndividualRecallProbabilities);
