using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>
/// The k3 ("low_var_kl") estimator of KL(πθ ‖ πref) per token (spec b.7): with <c>r = logπref − logπθ</c>,
/// <c>KL_t = clamp(exp(r) − r − 1, −c, c)</c>, c = 10 in the paper. Non-negative and unbiased; its gradient is zero where
/// the two policies agree.
/// </summary>
public static class LowVarianceKl
{
    /// <summary>The per-token k3 KL.</summary>
    /// <param name="logProbs"><c>[B, T]</c> log-probabilities under the current policy.</param>
    /// <param name="referenceLogProbs"><c>[B, T]</c> log-probabilities under the frozen reference policy.</param>
    /// <param name="clamp">The clamp c, positive (spec: 10).</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clamp"/> is not positive.</exception>
    public static Tensor PerToken(Tensor logProbs, Tensor referenceLogProbs, double clamp = TimerPoOptions.Defaults.KlClamp)
    {
        ArgumentNullException.ThrowIfNull(logProbs);
        ArgumentNullException.ThrowIfNull(referenceLogProbs);
        if (!(clamp > 0)) throw new ArgumentOutOfRangeException(nameof(clamp), clamp, "Must be greater than 0.");
        LossShapes.RequireSame(logProbs, referenceLogProbs, nameof(referenceLogProbs));
        var r = referenceLogProbs.detach() - logProbs;
        return (r.exp() - r).Minus(1.0).Between(-clamp, clamp);
    }
}
