using AnomSeer.Training.Losses;
using static TorchSharp.torch;

namespace AnomSeer.Training.Tests;

/// <summary>The loss functions against hand-computed values and plain loop references (veRL tests loop vs vectorised).</summary>
public class LossTests
{
    private const int B = 3, T = 5;

    private static (float[] logp, float[] old, float[] reference, float[] entropy, float[] adv, float[] mask) RandomCase(int seed)
    {
        var rng = new Random(seed);
        float[] Next(int n, double scale, double shift = 0) => Enumerable.Range(0, n).Select(_ => (float)(shift + scale * (rng.NextDouble() - 0.5))).ToArray();
        var logp = Next(B * T, 1.0, -1.5);
        var old = logp.Select(v => v + (float)(0.8 * (rng.NextDouble() - 0.5))).ToArray(); // ratios on both sides of the clip
        var reference = logp.Select(v => v + (float)(0.6 * (rng.NextDouble() - 0.5))).ToArray();
        var entropy = Next(B * T, 1.0, 1.0);
        var adv = new[] { 0.7f, -0.4f, 0.0f };
        var lengths = new[] { 5, 3, 1 };
        var mask = new float[B * T];
        for (int b = 0; b < B; b++) for (int t = 0; t < lengths[b]; t++) mask[b * T + t] = 1;
        return (logp, old, reference, entropy, adv, mask);
    }

    private static Tensor T2(float[] v) => tensor(v, [B, T]);

    private static double LoopPolicyGradient(float[] logp, float[] old, float[] adv, float[] mask, double eps, out double clipFraction)
    {
        double sum = 0, clipped = 0, count = 0;
        for (int b = 0; b < B; b++)
            for (int t = 0; t < T; t++)
            {
                int i = b * T + t;
                if (mask[i] == 0) continue;
                double ratio = Math.Exp(logp[i] - old[i]);
                double l1 = -adv[b] * ratio;
                double l2 = -adv[b] * Math.Clamp(ratio, 1 - eps, 1 + eps);
                sum += Math.Max(l1, l2);
                if (l2 > l1) clipped++;
                count++;
            }
        clipFraction = clipped / count;
        return sum / count;
    }

    private static double LoopKl(float[] logp, float[] reference, float[] mask)
    {
        double sum = 0, count = 0;
        for (int i = 0; i < logp.Length; i++)
        {
            if (mask[i] == 0) continue;
            double r = reference[i] - logp[i];
            sum += Math.Clamp(Math.Exp(r) - r - 1, -10, 10);
            count++;
        }
        return sum / count;
    }

    private static double LoopMean(float[] v, float[] mask)
    {
        double sum = 0, count = 0;
        for (int i = 0; i < v.Length; i++) { sum += v[i] * mask[i]; count += mask[i]; }
        return sum / count;
    }

    [Fact]
    public void TokenMean_WeighsEveryRealTokenEqually()
    {
        var values = tensor(new float[] { 1, 2, 3, 10, 0, 0 }, [2, 3]);
        var mask = tensor(new float[] { 1, 1, 1, 1, 0, 0 }, [2, 3]);
        // (1 + 2 + 3 + 10) / 4 = 4, not the mean of the sequence means (2 + 10) / 2 = 6.
        Assert.Equal(4.0, MaskedMean.TokenMean(values, mask).item<float>(), 5);
        Assert.Equal(0.0, MaskedMean.TokenMean(values, zeros(2, 3)).item<float>(), 6);
    }

    [Fact]
    public void PolicyGradient_HandComputedClipCases()
    {
        // Token 0: A = +1, ρ = 1.5 → max(−1.5, −1.2) = −1.2 (clipped). Token 1: A = −1, ρ = 0.5 → max(0.5, 0.8) = 0.8 (clipped).
        // Token 2: A = +1, ρ = 0.5 → max(−0.5, −0.8) = −0.5 (not clipped). Mean = (−1.2 + 0.8 − 0.5) / 3 = −0.3.
        var logp = tensor(new float[] { MathF.Log(1.5f), MathF.Log(0.5f), MathF.Log(0.5f) }, [3, 1]);
        var old = zeros(3, 1);
        var adv = tensor(new float[] { 1, -1, 1 });
        var result = PolicyGradientLoss.Compute(logp, old, adv, ones(3, 1), 0.2);
        Assert.Equal(-0.3, result.Loss.item<float>(), 5);
        Assert.Equal(2.0 / 3.0, result.ClipFraction, 5);
    }

    [Fact]
    public void PolicyGradient_OnPolicy_IsMinusTheTokenMeanAdvantage_WithGradientMinusAOverN()
    {
        var logp = tensor(new float[] { -1, -2, -0.5f, -3 }, [2, 2]).requires_grad_(true);
        var mask = tensor(new float[] { 1, 1, 1, 0 }, [2, 2]);
        var adv = tensor(new float[] { 2, -1 });
        var result = PolicyGradientLoss.Compute(logp, logp.detach(), adv, mask, 0.2);
        Assert.Equal(-(2 + 2 - 1) / 3.0, result.Loss.item<float>(), 5);
        Assert.Equal(0.0, result.ClipFraction);
        result.Loss.backward();
        var grad = logp.grad!.data<float>().ToArray();
        var expected = new[] { -2 / 3.0, -2 / 3.0, 1 / 3.0, 0.0 };
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], grad[i], 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PolicyGradient_MatchesLoopReference(int seed)
    {
        var c = RandomCase(seed);
        var result = PolicyGradientLoss.Compute(T2(c.logp), T2(c.old), tensor(c.adv), T2(c.mask), 0.2);
        double expected = LoopPolicyGradient(c.logp, c.old, c.adv, c.mask, 0.2, out double clip);
        Assert.Equal(expected, result.Loss.item<float>(), 5);
        Assert.Equal(clip, result.ClipFraction, 5);
        Assert.True(clip > 0 && clip < 1, $"the case should exercise both branches (clip fraction {clip})");
    }

    [Fact]
    public void PolicyGradient_TokenAdvantages_EqualBroadcastSequenceAdvantages()
    {
        var c = RandomCase(4);
        var perToken = c.adv.SelectMany(a => Enumerable.Repeat(a, T)).ToArray();
        var a = PolicyGradientLoss.Compute(T2(c.logp), T2(c.old), tensor(c.adv), T2(c.mask), 0.2).Loss.item<float>();
        var b = PolicyGradientLoss.Compute(T2(c.logp), T2(c.old), T2(perToken), T2(c.mask), 0.2).Loss.item<float>();
        Assert.Equal(a, b, 6);
    }

    [Fact]
    public void LowVarianceKl_MatchesLoop_IsZeroOnEqualPolicies_AndIsClamped()
    {
        var c = RandomCase(5);
        var kl = MaskedMean.TokenMean(LowVarianceKl.PerToken(T2(c.logp), T2(c.reference)), T2(c.mask));
        Assert.Equal(LoopKl(c.logp, c.reference, c.mask), kl.item<float>(), 5);
        Assert.Equal(0.0, LowVarianceKl.PerToken(T2(c.logp), T2(c.logp)).abs().max().item<float>(), 7);
        Assert.True(LowVarianceKl.PerToken(T2(c.logp), T2(c.reference)).min().item<float>() >= 0);
        // r = 20: exp(20) − 21 is huge → clamped to 10.
        Assert.Equal(10.0, LowVarianceKl.PerToken(tensor(new float[] { -20 }), tensor(new float[] { 0 })).item<float>(), 5);
        // Hand value: r = 0.5 → e^0.5 − 1.5 = 0.148721.
        Assert.Equal(Math.Exp(0.5) - 1.5, LowVarianceKl.PerToken(tensor(new float[] { -1 }), tensor(new float[] { -0.5f })).item<float>(), 5);
    }

    [Fact]
    public void TimerPoLoss_IsPgMinusEntropyPlusKl_WithTheGivenCoefficients()
    {
        var c = RandomCase(6);
        var result = TimerPoLoss.Compute(T2(c.logp), T2(c.old), T2(c.reference), T2(c.entropy), tensor(c.adv), T2(c.mask),
            clipRatio: 0.2, entropyCoefficient: 0.001, klCoefficient: 0.001);
        double pg = LoopPolicyGradient(c.logp, c.old, c.adv, c.mask, 0.2, out _);
        double h = LoopMean(c.entropy, c.mask);
        double kl = LoopKl(c.logp, c.reference, c.mask);
        Assert.Equal(pg - 0.001 * h + 0.001 * kl, result.Loss.item<float>(), 5);
        Assert.Equal(pg, result.PolicyGradient, 5);
        Assert.Equal(h, result.Entropy, 5);
        Assert.Equal(kl, result.Kl, 5);
        var large = TimerPoLoss.Compute(T2(c.logp), T2(c.old), T2(c.reference), T2(c.entropy), tensor(c.adv), T2(c.mask),
            entropyCoefficient: 0.5, klCoefficient: 2);
        Assert.Equal(pg - 0.5 * h + 2 * kl, large.Loss.item<float>(), 4);
    }

    [Fact]
    public void Losses_RejectBadShapesAndCoefficients()
    {
        var x = zeros(2, 3);
        Assert.Throws<ArgumentException>(() => PolicyGradientLoss.Compute(x, zeros(2, 4), zeros(2), x, 0.2));
        Assert.Throws<ArgumentException>(() => PolicyGradientLoss.Compute(x, x, zeros(3), x, 0.2));
        Assert.Throws<ArgumentException>(() => MaskedMean.TokenMean(x, zeros(3, 2)));
        Assert.Throws<ArgumentException>(() => LowVarianceKl.PerToken(x, zeros(1, 3)));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyGradientLoss.Compute(x, x, zeros(2), x, 1.5));
        Assert.Equal("clipRatio", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => TimerPoLoss.Compute(x, x, null, null, zeros(2), x, klCoefficient: -1));
        Assert.Equal("klCoefficient", e.ParamName);
    }
}
