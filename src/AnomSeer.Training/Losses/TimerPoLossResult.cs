using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>The TimerPO loss of a micro-batch and its parts.</summary>
/// <param name="Loss">The scalar loss tensor to back-propagate.</param>
/// <param name="PolicyGradient">The PPO-clip term.</param>
/// <param name="Entropy">Token-mean entropy (NaN when not computed).</param>
/// <param name="Kl">Token-mean k3 KL to the reference policy (NaN when not computed).</param>
/// <param name="ClipFraction">Fraction of tokens where the clip was active.</param>
/// <param name="ApproximateKl">Token-mean <c>logπold − logπθ</c>.</param>
public sealed record TimerPoLossResult(Tensor Loss, double PolicyGradient, double Entropy, double Kl, double ClipFraction, double ApproximateKl);
