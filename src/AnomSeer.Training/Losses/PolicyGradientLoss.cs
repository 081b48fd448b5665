using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>
/// The PPO-clip policy-gradient loss of spec b.7: <c>ρ_t = exp(logπθ − logπold)</c>,
/// <c>L = token-mean( max(−A·ρ_t, −A·clip(ρ_t, 1 − ε, 1 + ε)) )</c> with a symmetric ε (0.2 in the paper).
/// </summary>
public static class PolicyGradientLoss
{
    /// <summary>The log-ratio is clamped to [−20, 20] before the exponential (veRL's guard against overflow).</summary>
    public const double LogRatioClamp = 20.0;

    /// <summary>Computes the loss and its diagnostics.</summary>
    /// <param name="logProbs"><c>[B, T]</c> log-probabilities under the current policy (with gradients).</param>
    /// <param name="oldLogProbs"><c>[B, T]</c> log-probabilities under the policy that sampled (no gradients).</param>
    /// <param name="advantages"><c>[B]</c> sequence advantages (broadcast to every token) or <c>[B, T]</c> token advantages.</param>
    /// <param name="mask"><c>[B, T]</c> float mask of the response tokens.</param>
    /// <param name="clipRatio">ε in (0, 1).</param>
    /// <exception cref="ArgumentException">Shapes do not match.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clipRatio"/> is outside (0, 1).</exception>
    public static PolicyGradientLossResult Compute(Tensor logProbs, Tensor oldLogProbs, Tensor advantages, Tensor mask, double clipRatio)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(oldLogProbs);
        ArgumentNullException.ThrowIfNull(advantages);
        ArgumentNullException.ThrowIfNull(mask);
        if (!(clipRatio > 0 && clipRatio < 1)) throw new ArgumentOutOfRangeException(nameof(clipRatio), clipRatio, "Must be in (0, 1).");
        LossShapes.Require2D(logProbs, nameof(logProbs));
        LossShapes.RequireSame(logProbs, oldLogProbs, nameof(oldLogProbs));
        LossShapes.RequireSame(logProbs, mask, nameof(mask));
        Tensor adv = advantages.dim() switch
        {
            1 when advantages.shape[0] == logProbs.shape[0] => advantages.unsqueeze(1),
            2 when advantages.shape.SequenceEqual(logProbs.shape) => advantages,
            _ => throw new ArgumentException($"Expected [B] or [B, T] advantages for B, T = {logProbs.shape[0]}, {logProbs.shape[1]}; got [{string.Join(", ", advantages.shape)}].", nameof(advantages)),
        };
        adv = adv.to(logProbs.dtype).detach();
        var logRatio = (logProbs - oldLogProbs.detach()).Between(-LogRatioClamp, LogRatioClamp);
        var ratio = logRatio.exp();
        var unclipped = -adv * ratio;
        var clipped = -adv * ratio.Between(1 - clipRatio, 1 + clipRatio);
        var loss = MaskedMean.TokenMean(maximum(unclipped, clipped), mask);
        using var noGrad = no_grad();
        var clipFraction = MaskedMean.TokenMean(clipped.gt(unclipped).to(logProbs.dtype), mask);
        // k1-style estimate of KL(old ‖ current), logged as veRL's ppo_kl.
        var approxKl = MaskedMean.TokenMean(-logRatio, mask);
        return new PolicyGradientLossResult(loss, clipFraction.item<float>(), approxKl.item<float>());
    }
}
