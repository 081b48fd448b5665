using static AnomSeer.OptimalTransport.Tests.CostAndMassTests;

namespace AnomSeer.OptimalTransport.Tests;

public class TimerPoAdvantageTests
{
    private const int Dim = 32;

    private static (int[] Ids, double[] Rewards, HiddenStates[] Responses, HiddenStates[] References) Batch(bool equalRewards = false)
    {
        int[] ids = [10, 10, 10, 10, 10, 20, 20, 20, 20, 20];
        var rng = new Random(5);
        double[] rewards = [.. ids.Select(_ => equalRewards ? 0.7 : Math.Round(rng.NextDouble(), 2))];
        var responses = ids.Select((_, i) => RandomStates(5 + 3 * i, Dim, 100 + i, 3f)).ToArray();
        var refA = RandomStates(21, Dim, 200, 3f);
        var refB = RandomStates(17, Dim, 201, 3f);
        var references = ids.Select(g => g == 10 ? refA : refB).ToArray();
        return (ids, rewards, responses, references);
    }

    /// <summary>The whole b.9 chain written out independently with the reference Sinkhorn loop.</summary>
    private static double[] ManualW(HiddenStates[] responses, HiddenStates[] references)
    {
        var w = new double[responses.Length];
        for (int i = 0; i < w.Length; i++)
        {
            var x = responses[i];
            var y = references[i];
            var c = new double[x.Rows * y.Rows];
            for (int a = 0; a < x.Rows; a++)
                for (int b = 0; b < y.Rows; b++)
                {
                    double nx = Math.Sqrt(x.Row(a).ToArray().Sum(v => (double)v * v)) + 1e-6;
                    double ny = Math.Sqrt(y.Row(b).ToArray().Sum(v => (double)v * v)) + 1e-6;
                    double dot = 0;
                    for (int k = 0; k < Dim; k++) dot += x.Row(a)[k] / nx * (y.Row(b)[k] / ny);
                    c[a * y.Rows + b] = Math.Max(0, 1 - dot);
                }
            double[] Soft(HiddenStates h)
            {
                var norms = Enumerable.Range(0, h.Rows).Select(t => Math.Sqrt(h.Row(t).ToArray().Sum(v => (double)v * v))).ToArray();
                double max = norms.Max();
                var e = norms.Select(v => Math.Exp(v - max)).ToArray();
                return [.. e.Select(v => v / e.Sum())];
            }
            w[i] = ReferenceSinkhorn.Scaling(c, x.Rows, y.Rows, Soft(x), Soft(y), 0.08, 50).W;
        }
        return w;
    }

    [Fact]
    public void Paper_pipeline_matches_a_manual_composition()
    {
        var (ids, rewards, responses, references) = Batch();
        var result = TimerPoAdvantage.Compute(ids, rewards, responses, references);
        var w = ManualW(responses, references);

        for (int i = 0; i < ids.Length; i++) Assert.Equal(w[i], result.TransportCosts[i], 1e-5);
        for (int g = 0; g < 2; g++)
        {
            var idx = Enumerable.Range(5 * g, 5).ToArray();
            double rMean = idx.Average(i => rewards[i]);
            var s = idx.Select(i => Math.Clamp(Math.Exp(-w[i] / 0.5), 0, 1)).ToArray();
            double sMean = s.Average();
            var main = idx.Select(i => rewards[i] - rMean).ToArray();
            var sem = s.Select(v => v - sMean).ToArray();
            double coef = main.Zip(sem).Sum(p => p.First * p.Second) / (main.Sum(v => v * v) + 1e-8);
            Assert.Equal(coef, result.GroupCoefficients[g], 1e-4);
            for (int k = 0; k < 5; k++)
                Assert.Equal(main[k] + 0.3 * (sem[k] - coef * main[k]), result.Advantages[idx[k]], 1e-5);
        }
        Assert.Equal([10, 20], result.GroupKeys);
        Assert.Equal(0.0, result.ZeroRewardSpreadFraction);
    }

    [Fact]
    public void All_equal_rewards_give_alpha_times_the_grounded_advantage()
    {
        var (ids, rewards, responses, references) = Batch(equalRewards: true);
        var result = TimerPoAdvantage.Compute(ids, rewards, responses, references);
        Assert.Equal(1.0, result.ZeroRewardSpreadFraction);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(0.0, result.MainAdvantages[i]);
            Assert.Equal(0.3 * result.SemanticAdvantages[i], result.Advantages[i], 1e-15);
        }
        Assert.All(result.GroupCoefficients, c => Assert.Equal(0.0, c));
        Assert.Contains(result.SemanticAdvantages, v => Math.Abs(v) > 1e-6);
    }

    [Fact]
    public void Ablation_modes_give_the_documented_formulas()
    {
        var (ids, rewards, responses, references) = Batch();
        var full = TimerPoAdvantage.Compute(ids, rewards, responses, references);
        var noOrth = TimerPoAdvantage.Compute(ids, rewards, responses, references, TimerPoAdvantageOptions.Paper with { Mode = AdvantageMode.NoOrthogonalization });
        var outcome = TimerPoAdvantage.Compute(ids, rewards, responses, references, TimerPoAdvantageOptions.Paper with { Mode = AdvantageMode.OutcomeOnly });
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(full.MainAdvantages[i] + 0.3 * full.SemanticAdvantages[i], noOrth.Advantages[i], 1e-15);
            Assert.Equal(full.MainAdvantages[i], outcome.Advantages[i]);
            Assert.True(double.IsNaN(outcome.TransportCosts[i]));
        }
        Assert.NotEqual(full.Advantages, noOrth.Advantages);
    }

    [Fact]
    public void Options_deviations_change_the_result_as_documented()
    {
        var (ids, rewards, responses, references) = Batch();
        var paper = TimerPoAdvantage.Compute(ids, rewards, responses, references);
        var uniform = TimerPoAdvantage.Compute(ids, rewards, responses, references, TimerPoAdvantageOptions.Paper with { TokenMass = TokenMassKind.Uniform });
        var single = TimerPoAdvantage.Compute(ids, rewards, responses, references, TimerPoAdvantageOptions.Paper with { SinglePrecision = true, BatchSize = 3 });
        Assert.NotEqual(paper.TransportCosts, uniform.TransportCosts);
        for (int i = 0; i < ids.Length; i++) Assert.Equal(paper.TransportCosts[i], single.TransportCosts[i], 1e-4);
    }

    [Fact]
    public void Empty_response_gets_W_of_one_and_bad_input_throws()
    {
        var (ids, rewards, responses, references) = Batch();
        responses[3] = new HiddenStates(ReadOnlyMemory<float>.Empty, 0, Dim);
        var result = TimerPoAdvantage.Compute(ids, rewards, responses, references);
        Assert.Equal(1.0, result.TransportCosts[3]);
        Assert.Equal(Math.Exp(-2), result.Similarities[3], 1e-15);

        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => TimerPoAdvantage.Compute(ids, rewards.AsSpan(1), responses, references)).ParamName);
        var nanRewards = (double[])rewards.Clone();
        nanRewards[2] = double.NaN;
        Assert.Equal("rewards", Assert.Throws<ArgumentException>(() => TimerPoAdvantage.Compute(ids, nanRewards, responses, references)).ParamName);
        var wrongDim = (HiddenStates[])references.Clone();
        wrongDim[4] = RandomStates(3, Dim + 1, 9);
        Assert.Equal("referenceHidden", Assert.Throws<ArgumentException>(() => TimerPoAdvantage.Compute(ids, rewards, responses, wrongDim)).ParamName);
        var nanStates = (HiddenStates[])responses.Clone();
        var bad = new float[2 * Dim];
        bad[5] = float.NaN;
        nanStates[0] = new HiddenStates(bad, 2, Dim);
        Assert.Equal("responseHidden", Assert.Throws<ArgumentException>(() => TimerPoAdvantage.Compute(ids, rewards, nanStates, references)).ParamName);
        Assert.Equal("Alpha", Assert.ThrowsAny<ArgumentException>(() => TimerPoAdvantage.Compute(ids, rewards, responses, references, new TimerPoAdvantageOptions { Alpha = double.NaN })).ParamName);
    }
}
