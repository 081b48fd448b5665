using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>
/// The TimerPO actor loss of spec b.7: <c>L = L_pg − c_H · token-mean(H) + c_KL · token-mean(KL_k3)</c>.
/// </summary>
public static class TimerPoLoss
{
    /// <summary>Computes the loss of one micro-batch.</summary>
    /// <param name="logProbs"><c>[B, T]</c> current log-probabilities (with gradients).</param>
    /// <param name="oldLogProbs"><c>[B, T]</c> log-probabilities of the sampling policy.</param>
    /// <param name="referenceLogProbs"><c>[B, T]</c> log-probabilities of the reference policy, or null to skip the KL term.</param>
    /// <param name="entropy"><c>[B, T]</c> per-token entropies (with gradients), or null to skip the entropy bonus.</param>
    /// <param name="advantages"><c>[B]</c> or <c>[B, T]</c> advantages.</param>
    /// <param name="mask"><c>[B, T]</c> float mask of the response tokens.</param>
    /// <param name="clipRatio">PPO ε (spec: 0.2).</param>
    /// <param name="entropyCoefficient">c_H (spec: 0.001).</param>
    /// <param name="klCoefficient">c_KL (spec: 0.001).</param>
    /// <param name="klClamp">Clamp of the per-token KL (spec: 10).</param>
    /// <exception cref="ArgumentException">Shapes do not match.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is negative or the clip ratio is outside (0, 1).</exception>
    public static TimerPoLossResult Compute(Tensor logProbs, Tensor oldLogProbs, Tensor? referenceLogProbs, Tensor? entropy,
        Tensor advantages, Tensor mask, double clipRatio = TimerPoOptions.Defaults.ClipRatio,
        double entropyCoefficient = TimerPoOptions.Defaults.EntropyCoefficient, double klCoefficient = TimerPoOptions.Defaults.KlCoefficient,
        double klClamp = TimerPoOptions.Defaults.KlClamp)
    {
        if (!(entropyCoefficient >= 0)) throw new ArgumentOutOfRangeException(nameof(entropyCoefficient), entropyCoefficient, "Must be at least 0.");
        if (!(klCoefficient >= 0)) throw new ArgumentOutOfRangeException(nameof(klCoefficient), klCoefficient, "Must be at least 0.");
        var pg = PolicyGradientLoss.Compute(logProbs, oldLogProbs, advantages, mask, clipRatio);
        var total = pg.Loss;
        double entropyMean = double.NaN, klMean = double.NaN;
        if (entropy is not null)
        {
            LossShapes.RequireSame(logProbs, entropy, nameof(entropy));
            var h = MaskedMean.TokenMean(entropy, mask);
            entropyMean = h.item<float>();
            if (entropyCoefficient > 0) total = total - h.Times(entropyCoefficient);
        }
        if (referenceLogProbs is not null)
        {
            var kl = MaskedMean.TokenMean(LowVarianceKl.PerToken(logProbs, referenceLogProbs, klClamp), mask);
            klMean = kl.item<float>();
            if (klCoefficient > 0) total = total + kl.Times(klCoefficient);
        }
        return new TimerPoLossResult(total, pg.Loss.item<float>(), entropyMean, klMean, pg.ClipFraction, pg.ApproximateKl);
    }
}
