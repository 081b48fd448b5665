using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>
/// Token-mean aggregation (spec b.7, veRL's <c>masked_mean</c> with <c>loss_agg_mode = "token-mean"</c>): the sum of the
/// values at real tokens divided by the number of real tokens of the whole batch, so every token weighs the same
/// whatever the length of its response (spec b.10: DAPO-like token-level aggregation).
/// </summary>
public static class MaskedMean
{
    /// <summary>Added to the token count so an all-padding batch gives 0 rather than NaN (veRL's 1e-8).</summary>
    public const double Epsilon = 1e-8;

    /// <summary><c>Σ values·mask / (Σ mask + 1e-8)</c>, a scalar tensor.</summary>
    /// <param name="values"><c>[B, T]</c> per-token values.</param>
    /// <param name="mask"><c>[B, T]</c> float mask, 1 at real tokens and 0 at padding.</param>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static Tensor TokenMean(Tensor values, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(mask);
        LossShapes.RequireSame(values, mask, nameof(values));
        return (values * mask).sum() / mask.sum().Plus(Epsilon);
    }
}
