using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Training.Optimization;

/// <summary>
/// The optimiser pieces the trainers share: AdamW construction, clearing gradients to none, and clipping the global
/// gradient norm over the parameters that have a gradient.
/// </summary>
internal static class TrainerOptimization
{
    /// <summary>An AdamW optimiser over <paramref name="parameters"/>.</summary>
    public static AdamW AdamW(IReadOnlyList<Parameter> parameters, double learningRate, double beta1, double beta2,
        double epsilon, double weightDecay) =>
        optim.AdamW(parameters, lr: learningRate, beta1: beta1, beta2: beta2, eps: epsilon, weight_decay: weightDecay);

    /// <summary>Sets the learning rate of every parameter group.</summary>
    public static void SetLearningRate(AdamW optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = learningRate;
    }

    /// <summary>
    /// Sets every gradient to none (PyTorch's default <c>zero_grad(set_to_none=True)</c>; TorchSharp's <c>zero_grad()</c>
    /// zeroes them instead): a parameter that takes no part in a step's loss (say, the embedding of pointer tokens when no
    /// response holds one) then gets no AdamW update at all rather than a momentum-only one, so the update depends on the
    /// step alone and a resumed run equals an uninterrupted one.
    /// </summary>
    public static void ClearGradients(IEnumerable<Parameter> parameters)
    {
        foreach (var p in parameters)
        {
            using var grad = p.grad;
            if (grad is not null) p.grad = null;
        }
    }

    /// <summary>Clips the global L2 norm of the gradients that exist to <paramref name="maxNorm"/>; returns the norm
    /// before clipping (0 when no parameter has a gradient).</summary>
    public static double ClipGradients(IEnumerable<Parameter> parameters, double maxNorm)
    {
        var withGrad = new List<Parameter>();
        foreach (var p in parameters)
        {
            using var grad = p.grad;
            if (grad is not null) withGrad.Add(p);
        }
        if (withGrad.Count == 0) return 0;
        return AsDouble(nn.utils.clip_grad_norm_(withGrad, maxNorm));
    }

    private static double AsDouble(double value) => value;

    private static double AsDouble(Tensor value)
    {
        using (value) return value.item<float>();
    }
}
