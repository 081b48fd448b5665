using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using static TorchSharp.torch;

namespace AnomSeer.Training;

/// <summary>The joint SFT loss: mean token negative log-likelihood plus the weighted anomaly-head loss.</summary>
internal static class SftLoss
{
    /// <summary>Returns (total, token loss, head loss); the tensors belong to the caller's dispose scope.</summary>
    public static (Tensor Total, Tensor Tokens, Tensor Head) Compute(ResponseScores scores, AnomalyHeadPrediction head,
        IReadOnlyList<TimerPoExample> examples, double headWeight)
    {
        var tokens = -(scores.LogProbs * scores.Mask).sum() / scores.Mask.sum().clamp_min(1);
        var targets = HeadTargets(head, examples);
        var aux = AnomalyHeadTargets.Loss(head.Output, head.Mask, targets);
        var total = headWeight > 0 ? tokens + aux * headWeight : tokens + aux.detach() * 0;
        return (total, tokens, aux);
    }

    private static Tensor HeadTargets(AnomalyHeadPrediction head, IReadOnlyList<TimerPoExample> examples)
    {
        long b = head.Output.shape[0], n = head.Output.shape[1];
        var values = new float[b * n * 3];
        for (int i = 0; i < b; i++)
        {
            var row = AnomalyHeadTargets.Build(head.Ranges[i], examples[i].GroundTruth);
            Array.Copy(row, 0, values, i * n * 3, Math.Min(row.Length, n * 3));
        }
        return tensor(values, [b, n, 3]);
    }
}
