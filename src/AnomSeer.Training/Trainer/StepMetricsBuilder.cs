using AnomSeer.OptimalTransport;

namespace AnomSeer.Training;

/// <summary>Assembles <see cref="TimerPoStepMetrics"/> from a step's parts.</summary>
internal static class StepMetricsBuilder
{
    public static TimerPoStepMetrics Build(long step, TimerPoMode mode, int prompts, RolloutBatch batch, TimerPoAdvantageResult advantage,
        UpdateStatistics update, double generation, double reward, double hidden, double transport, double updateTime, double total)
    {
        var rewards = batch.Rewards.Select(r => r.Total).ToArray();
        var groups = new GroupIndex(batch.GroupIds);
        double groupStd = 0;
        for (int g = 0; g < groups.Keys.Count; g++)
        {
            var values = new List<double>();
            foreach (int i in groups.Members(g)) values.Add(rewards[i]);
            groupStd += Std(values);
        }
        groupStd /= Math.Max(1, groups.Keys.Count);
        long tokens = batch.Responses.Sum(r => (long)r.TokenIds.Count);
        bool transportUsed = mode != TimerPoMode.OutcomeOnly;
        return new TimerPoStepMetrics
        {
            Step = step,
            Mode = mode,
            Prompts = prompts,
            Responses = batch.Count,
            RewardMean = rewards.Average(),
            RewardStd = Std(rewards),
            RewardGroupStdMean = groupStd,
            LocalizationMean = batch.Rewards.Average(r => r.Localization),
            ClassAccuracy = batch.Rewards.Average(r => r.ClassCorrect),
            FormatRate = batch.Rewards.Average(r => r.Format),
            AffiliationF1Mean = batch.Rewards.Average(r => r.AffiliationF1),
            ZeroSpreadGroupFraction = advantage.ZeroRewardSpreadFraction,
            TransportCostMean = transportUsed ? advantage.TransportCosts.Average() : double.NaN,
            SimilarityMean = transportUsed ? advantage.Similarities.Average() : double.NaN,
            SemanticAdvantageStd = Std(advantage.SemanticAdvantages),
            ProjectionCoefficientMean = advantage.GroupCoefficients.Count == 0 ? 0 : advantage.GroupCoefficients.Average(),
            AdvantageAbsMean = advantage.Advantages.Average(Math.Abs),
            SinkhornConvergedFraction = advantage.SinkhornConverged.Average(c => c ? 1.0 : 0.0),
            Loss = update.Loss,
            PolicyGradientLoss = update.PolicyGradient,
            Entropy = update.Entropy,
            Kl = update.Kl,
            ClipFraction = update.ClipFraction,
            ApproximateKl = update.ApproximateKl,
            GradNorm = update.GradNorm,
            OptimizerSteps = update.OptimizerSteps,
            ResponseLengthMean = (double)tokens / batch.Count,
            FinishedFraction = batch.Responses.Average(r => r.Finished ? 1.0 : 0.0),
            TokensPerSecond = generation > 0 ? tokens / generation : 0,
            GenerationSeconds = generation,
            RewardSeconds = reward,
            HiddenStateSeconds = hidden,
            TransportSeconds = transport,
            UpdateSeconds = updateTime,
            TotalSeconds = total,
        };
    }

    private static double Std(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
