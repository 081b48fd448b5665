using AnomSeer.Policy;
using AnomSeer.Policy.Tokenization;

namespace AnomSeer.Training.Tests;

/// <summary><see cref="SftOptions.AnswerTokenWeight"/>: which tokens it weights, and the weighted mean it gives.</summary>
public class AnswerTokenWeightTests
{
    private const int ThinkEnd = 5;

    [Fact]
    public void ThinkEnd_IsTheTokenizersIdOfTheTag()
    {
        using var policy = TinySetup.Model(1);
        Assert.Equal(ThinkEnd, policy.Tokenizer.TagId("</think>"));
        Assert.Equal([ThinkEnd], policy.Tokenizer.Encode("</think>"));
    }

    [Fact]
    public void TokenWeights_AreOneUpToTheFirstThinkEnd_AndTheWeightAfterIt()
    {
        const int e = ThinkEnd;
        int[][] rows = [[4, 20, 21, e, 6, 30, e], [4, 20, 21], []];
        using var w = SftLoss.TokenWeights(rows, 8, ThinkEnd, 3.0);
        Assert.Equal(new long[] { 3, 8 }, w.shape);
        var v = w.data<float>().ToArray();
        Assert.Equal(new float[] { 1, 1, 1, 1, 3, 3, 3, 3 }, v[..8]);   // after the first </think>, the second included
        Assert.Equal(Enumerable.Repeat(1f, 8), v[8..16]);              // no </think>: all reasoning weight
        Assert.Equal(Enumerable.Repeat(1f, 8), v[16..]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void TokenLoss_IsTheWeightedMeanOfTheTokenNlls(double weight)
    {
        using var policy = TinySetup.Model(4);
        var examples = TinySetup.Examples(3);
        var items = examples.Select(x => new ResponseItem(x.Input, policy.EncodeResponse(x.Input, SftTargets.Text(x, SftReasoningStyle.Concise)))).ToArray();
        var (scores, head) = policy.ScoreResponsesWithAnomalyHead(items, new ScoringOptions());
        using (scores)
        using (head)
        {
            var (_, tokens, _) = SftLoss.Compute(scores, head, examples, 1.0, items.Select(i => i.ResponseTokenIds).ToArray(), ThinkEnd, weight);
            double num = 0, den = 0;
            for (int i = 0; i < items.Length; i++)
            {
                var lp = scores.LogProbsOf(i);
                var ids = items[i].ResponseTokenIds;
                Assert.Equal(ids.Count, lp.Length);
                int cut = ids.ToList().IndexOf(ThinkEnd);
                Assert.True(cut > 0 && cut < ids.Count - 1, "the target has reasoning and an answer");
                for (int t = 0; t < lp.Length; t++)
                {
                    double w = t > cut ? weight : 1.0;
                    num -= w * lp[t];
                    den += w;
                }
            }
            Assert.Equal(num / den, tokens.item<float>(), 4);
        }
    }

    [Fact]
    public void Options_DefaultToThePlainMean_AndRejectNonPositiveWeights()
    {
        Assert.Equal(1.0, new SftOptions().AnswerTokenWeight);
        new SftOptions { AnswerTokenWeight = 4 }.Validate();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SftOptions { AnswerTokenWeight = 0 }.Validate());
        Assert.Equal(nameof(SftOptions.AnswerTokenWeight), e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SftOptions { AnswerTokenWeight = double.NaN }.Validate());
    }
}
