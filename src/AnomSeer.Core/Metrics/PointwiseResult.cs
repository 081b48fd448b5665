namespace AnomSeer.Metrics;

/// <summary>Point-wise precision, recall and F1 of a binary labelling, with the confusion counts.</summary>
/// <param name="Precision">TP / (TP + FP), 0 when nothing was predicted (scikit-learn's zero_division = 0).</param>
/// <param name="Recall">TP / (TP + FN), 0 when nothing is anomalous.</param>
/// <param name="F1">2PR / (P + R), 0 when P + R = 0.</param>
/// <param name="TruePositives">Indices predicted and anomalous.</param>
/// <param name="FalsePositives">Indices predicted but normal.</param>
/// <param name="FalseNegatives">Indices anomalous but not predicted.</param>
public readonly record struct PointwiseResult(double Precision, double Recall, double F1, int TruePositives, int FalsePositives, int FalseNegatives);
