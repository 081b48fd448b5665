using static TorchSharp.torch;

namespace AnomSeer.Training.Losses;

/// <summary>Shape checks shared by the loss functions.</summary>
internal static class LossShapes
{
    public static void RequireSame(Tensor a, Tensor b, string paramName)
    {
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"Shape [{string.Join(", ", a.shape)}] does not match [{string.Join(", ", b.shape)}].", paramName);
    }

    public static void Require2D(Tensor t, string paramName)
    {
        if (t.dim() != 2) throw new ArgumentException($"Expected a [B, T] tensor, got [{string.Join(", ", t.shape)}].", paramName);
    }
}
