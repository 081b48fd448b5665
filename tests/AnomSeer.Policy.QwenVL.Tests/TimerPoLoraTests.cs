using AnomSeer.Answers;
using AnomSeer.Metrics;
using AnomSeer.Policy.QwenVL.Lora;
using AnomSeer.Training;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The TimerPO trainer, unchanged, on a tiny Qwen2.5-VL policy with LoRA adapters.</summary>
public class TimerPoLoraTests
{
    private static TimerPoExample Example(int seed)
    {
        var input = TinyPolicy.Input(seed, $"Series {seed}. Find anomalies.");
        return new TimerPoExample(input, [new AnomalyInterval(8 + seed, 9 + seed)], AnomalyClass.GlobalPoint,
            $"The global mean is 0.1. I observed a clear spike within [{8 + seed}, {9 + seed}].", $"ex{seed}");
    }

    /// <summary>A reward that varies with the response (its length), so groups have a spread.</summary>
    private static RewardBreakdown LengthReward(TimerPoExample example, string text)
    {
        double r = (text.Length % 7) / 7.0;
        return new RewardBreakdown(r, r, 0, 0, 0, 0, 0, 0, 0, 0, AnswerParser.Parse(text));
    }

    [Fact]
    public void TwoTimerPoSteps_ChangeEveryAdapterParameter_AndNothingElse()
    {
        using var policy = TinyPolicy.Create(11);
        policy.EnableLora(new QwenVLLoraOptions { Rank = 2, Alpha = 4, Dropout = 0 });
        using var reference = policy.AsFrozenReference();
        var before = policy.NamedParameters.Select(p => (p.Name, Values: p.Parameter.detach().cpu().data<float>().ToArray())).ToArray();
        var options = new TimerPoOptions
        {
            PromptsPerStep = 2, ResponsesPerPrompt = 3, MaxResponseTokens = 6, LearningRate = 1e-2, ReferenceMaxTokens = 24, Seed = 3,
        };
        using var trainer = new TimerPoTrainer(policy, reference, options, reward: LengthReward);
        var metrics = trainer.Train([Example(1), Example(2), Example(3)], totalSteps: 2);
        Assert.Equal(2, metrics.Count);
        Assert.All(metrics, m => Assert.True(double.IsFinite(m.Loss) && double.IsFinite(m.Kl)));
        Assert.Equal(0.0, metrics[0].Kl, 6); // on-policy, adapters at zero: the reference is the policy
        var after = policy.NamedParameters.ToDictionary(p => p.Name, p => p.Parameter.detach().cpu().data<float>().ToArray());
        int adapters = 0;
        foreach (var (name, values) in before)
        {
            bool changed = !values.SequenceEqual(after[name]);
            if (name.Contains(".lora_")) { adapters++; Assert.True(changed, $"adapter {name} did not change"); }
            else Assert.False(changed, $"frozen parameter {name} changed");
        }
        Assert.Equal(28, adapters);
    }
}
