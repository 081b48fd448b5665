using AnomSeer.Metrics;
using AnomSeer.Policy;

namespace AnomSeer.Training;

/// <summary>
/// Evaluates a policy as the paper does (spec b.8, d.1): one sampled response per example at the evaluation temperature
/// (0.4), scored with the TSAD reward, aggregated by task into an <see cref="EvaluationReport"/>.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Samples and scores one response per example.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="examples">The evaluation examples.</param>
    /// <param name="options">Evaluation temperature, top-p, response length and seed come from here; the defaults when null.</param>
    /// <param name="batchSize">Prompts sampled together, at least 1.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The report (one row per <see cref="TimerPoExample.Task"/>, plus the overall row) and the responses in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="examples"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1, or an option is out of range.</exception>
    public static PolicyEvaluation Evaluate(IPolicyModel policy, IReadOnlyList<TimerPoExample> examples, TimerPoOptions? options = null,
        int batchSize = 16, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        options ??= new TimerPoOptions();
        options.Validate();
        var report = new EvaluationReport();
        var texts = new string[examples.Count];
        var rewards = new RewardBreakdown[examples.Count];
        policy.SetTrainingMode(false);
        for (int start = 0; start < examples.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = examples.Skip(start).Take(batchSize).ToArray();
            var sampling = new SamplingOptions
            {
                ResponsesPerPrompt = 1,
                Temperature = options.EvaluationTemperature,
                TopP = options.TopP,
                MaxNewTokens = options.MaxResponseTokens,
                Seed = unchecked(options.Seed + start),
            };
            var responses = policy.Sample(chunk.Select(e => e.Input).ToArray(), sampling, cancellationToken);
            foreach (var r in responses)
            {
                int i = start + r.PromptIndex;
                var e = examples[i];
                texts[i] = r.Text;
                rewards[i] = TsadReward.Score(r.Text, e.GroundTruth, e.GroundTruthClass, e.SeriesLength);
                report.Add(e.Task.Length > 0 && e.Task != EvaluationReport.OverallCategory ? e.Task : "all", rewards[i]);
            }
        }
        return new PolicyEvaluation(report, texts, rewards);
    }
}
