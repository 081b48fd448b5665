using AnomSeer.Policy.Tiny;

namespace AnomSeer.Policy.Tests;

public class GenerationTests
{
    private static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double tol = 2e-4)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"token {i}: {expected[i]} vs {actual[i]}");
    }

    [Theory]
    [InlineData(InputModality.ImageAndSeries, 1.0, 1.0)]
    [InlineData(InputModality.Image, 0.7, 0.9)]
    public void SampledLogProbs_EqualFullRecomputation(InputModality modality, double temperature, double topP)
    {
        using var model = TestModels.Model(modality);
        // Different series lengths and prompts: prefixes of different lengths, left padding exercised.
        var prompts = new[] { TestModels.Input(1, 64), TestModels.Input(2, 40, "Short.") };
        var samples = model.Sample(prompts, new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 24, Temperature = temperature, TopP = topP, Seed = 3 });
        Assert.Equal(4, samples.Count);
        var items = samples.Select(s => new ResponseItem(prompts[s.PromptIndex], s.TokenIds)).ToArray();
        using var scores = model.ScoreResponses(items, new ScoringOptions { Temperature = temperature });
        for (int i = 0; i < samples.Count; i++)
            AssertClose(samples[i].LogProbs, scores.LogProbsOf(i));
        // Each response scored alone (no padding at all) gives the same values as in the padded batch.
        using var alone = model.ScoreResponses([items[3]], new ScoringOptions { Temperature = temperature });
        AssertClose(scores.LogProbsOf(3), alone.LogProbsOf(0), 1e-5);
    }

    [Theory]
    [InlineData(InputModality.ImageAndSeries, 0.0)]
    [InlineData(InputModality.Image, 1.0)]
    public void KvCacheLogits_EqualFullRecomputation(InputModality modality, double temperature)
    {
        using var model = TestModels.Model(modality);
        var input = TestModels.Input(5);
        var steps = new List<float[]>();
        model.StepObserver = (_, lp) => steps.Add(lp);
        var s = model.Sample([input], new SamplingOptions { ResponsesPerPrompt = 1, Temperature = temperature, MaxNewTokens = 16, Seed = 2 })[0];
        model.StepObserver = null;
        int v = model.Config.OutputVocabSize;
        var full = model.FullLogProbTable(input, s.TokenIds);
        Assert.Equal(s.TokenIds.Count, steps.Count);
        for (int t = 0; t < steps.Count; t++)
        {
            double maxDiff = 0;
            for (int j = 0; j < v; j++)
                if (full[t * v + j] > -1e6f) maxDiff = Math.Max(maxDiff, Math.Abs(steps[t][j] - full[t * v + j]));
            Assert.True(maxDiff < 2e-4, $"step {t}: max |Δ log p| = {maxDiff}");
            if (temperature == 0)
                Assert.Equal(Array.IndexOf(full, full.Skip(t * v).Take(v).Max(), t * v) - t * v, s.TokenIds[t]);
        }
    }

    [Fact]
    public void SameSeed_SameSamples_DifferentSeed_DifferentSamples_IndependentOfBatch()
    {
        using var model = TestModels.Model();
        var prompts = new[] { TestModels.Input(1), TestModels.Input(2) };
        var opts = new SamplingOptions { ResponsesPerPrompt = 3, MaxNewTokens = 20, Seed = 11 };
        var a = model.Sample(prompts, opts);
        var b = model.Sample(prompts, opts);
        Assert.Equal(a.Select(x => x.TokenIds), b.Select(x => x.TokenIds));
        Assert.Equal(a.Select(x => x.LogProbs), b.Select(x => x.LogProbs));
        var c = model.Sample(prompts, opts with { Seed = 12 });
        Assert.NotEqual(a.Select(x => string.Join(",", x.TokenIds)), c.Select(x => string.Join(",", x.TokenIds)));
        // Response (prompt 0, sample j) does not depend on the other prompts of the batch.
        var alone = model.Sample([prompts[0]], opts);
        Assert.Equal(a.Take(3).Select(x => x.TokenIds), alone.Select(x => x.TokenIds));
    }

    [Fact]
    public void Sample_RespectsLimits_AndCancellation()
    {
        using var model = TestModels.Model();
        var s = model.Sample([TestModels.Input(1)], new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 5 });
        Assert.All(s, r => Assert.True(r.TokenIds.Count <= 5 && r.TokenIds.Count == r.LogProbs.Count));
        Assert.All(s, r => Assert.True(r.LogProbs.All(l => l <= 0 && float.IsFinite(l))));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => model.Sample([TestModels.Input(1)], null, cts.Token));
        Assert.Equal("TopP", Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample([TestModels.Input(1)], new SamplingOptions { TopP = 0 })).ParamName);
        Assert.Throws<ArgumentException>(() => model.Sample([]));
    }
}
