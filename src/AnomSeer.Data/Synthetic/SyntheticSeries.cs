namespace AnomSeer.Data.Synthetic;

/// <summary>One generated series with its ground truth.</summary>
/// <param name="Values">The series values.</param>
/// <param name="Intervals">The anomalous intervals, half-open, sorted, non-overlapping.</param>
/// <param name="Class">The ground-truth class; <see langword="null"/> only under
/// <see cref="AnomLlmClassMapping.ReleasedCode"/> for the tasks the released code labels "unknown".</param>
public sealed record SyntheticSeries(double[] Values, IReadOnlyList<AnomalyInterval> Intervals, AnomalyClass? Class);
