namespace AnomSeer.Policy.Tests;

/// <summary><see cref="SamplingOptions.UseKeyValueCache"/> = false recomputes the decoder at every step and must agree with the cache.</summary>
public class NoCacheGenerationTests
{
    [Theory]
    [InlineData(InputModality.ImageAndSeries, 1.0, 1.0)]
    [InlineData(InputModality.Image, 0.7, 0.9)]
    [InlineData(InputModality.ImageAndSeries, 0.0, 1.0)]
    public void WithAndWithoutCache_SameTokens_SameLogProbs(InputModality modality, double temperature, double topP)
    {
        using var model = TestModels.Model(modality);
        // Prefixes of different lengths (left padding) and two responses per prompt (repeated prefix rows).
        var prompts = new[] { TestModels.Input(1, 64), TestModels.Input(2, 40, "Short.") };
        var options = new SamplingOptions { ResponsesPerPrompt = 2, MaxNewTokens = 24, Temperature = temperature, TopP = topP, Seed = 5 };
        Assert.True(options.UseKeyValueCache);
        var cached = model.Sample(prompts, options);
        var recomputed = model.Sample(prompts, options with { UseKeyValueCache = false });
        Assert.Equal(cached.Count, recomputed.Count);
        for (int i = 0; i < cached.Count; i++)
        {
            Assert.Equal(cached[i].PromptIndex, recomputed[i].PromptIndex);
            Assert.Equal(cached[i].TokenIds, recomputed[i].TokenIds);
            Assert.Equal(cached[i].Text, recomputed[i].Text);
            Assert.Equal(cached[i].Finished, recomputed[i].Finished);
            Assert.Equal(cached[i].LogProbs.Count, recomputed[i].LogProbs.Count);
            for (int t = 0; t < cached[i].LogProbs.Count; t++)
                Assert.True(Math.Abs(cached[i].LogProbs[t] - recomputed[i].LogProbs[t]) <= 2e-4,
                    $"row {i}, token {t}: {cached[i].LogProbs[t]} vs {recomputed[i].LogProbs[t]}");
        }
        // More than the first step was compared.
        Assert.Contains(cached, r => r.TokenIds.Count > 2);
    }
}
