using AnomSeer.Metrics;

namespace AnomSeer.Training;

/// <summary>
/// Scores one sampled response of an example. The default is <see cref="TsadReward.Score(string?, IReadOnlyList{AnomalyInterval}, AnomalyClass?, int, RewardWeights?)"/>
/// (spec b.2); a custom function can change the reward (its <see cref="RewardBreakdown.Total"/> is R_i) and must be deterministic.
/// </summary>
/// <param name="example">The example the response answers.</param>
/// <param name="responseText">The decoded response text.</param>
public delegate RewardBreakdown TimerPoRewardFunction(TimerPoExample example, string responseText);
