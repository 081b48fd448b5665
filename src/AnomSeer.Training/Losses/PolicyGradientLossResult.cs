using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>The PPO-clip loss with its diagnostics.</summary>
/// <param name="Loss">The scalar loss tensor (carries gradients when the log-probabilities do).</param>
/// <param name="ClipFraction">Fraction of real tokens where the clipped term was the larger one (veRL's <c>pg_clipfrac</c>).</param>
/// <param name="ApproximateKl">Token-mean of <c>logπold − logπθ</c> (veRL's <c>ppo_kl</c>).</param>
public sealed record PolicyGradientLossResult(Tensor Loss, double ClipFraction, double ApproximateKl);
