using AnomSeer.Metrics;

namespace AnomSeer.Training;

/// <summary>The result of <see cref="PolicyEvaluator.Evaluate"/>.</summary>
/// <param name="Report">Metrics by task and overall.</param>
/// <param name="Responses">The response text of each example, in order.</param>
/// <param name="Rewards">The reward breakdown of each example, in order.</param>
public sealed record PolicyEvaluation(EvaluationReport Report, IReadOnlyList<string> Responses, IReadOnlyList<RewardBreakdown> Rewards);
