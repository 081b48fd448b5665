using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training;

/// <summary>The joint SFT loss: (weighted) mean token negative log-likelihood plus the weighted anomaly-head loss.</summary>
internal static class SftLoss
{
    /// <summary>Returns (total, token loss, head loss); the tensors belong to the caller's dispose scope.</summary>
    /// <param name="scores">Teacher-forced log-probs and mask <c>[B, T]</c>.</param>
    /// <param name="head">The anomaly head's output.</param>
    /// <param name="examples">The batch (for the head's targets).</param>
    /// <param name="headWeight">Weight of the head's loss.</param>
    /// <param name="responseIds">The target ids of each row (to find <c>&lt;/think&gt;</c>).</param>
    /// <param name="thinkEndId">The tokenizer's id of <c>&lt;/think&gt;</c> (<see cref="PolicyTokenizer.TagId"/>).</param>
    /// <param name="answerWeight">Weight of the tokens after the first <c>&lt;/think&gt;</c>; 1 gives the plain mean.</param>
    public static (Tensor Total, Tensor Tokens, Tensor Head) Compute(ResponseScores scores, AnomalyHeadPrediction head,
        IReadOnlyList<TimerPoExample> examples, double headWeight, IReadOnlyList<IReadOnlyList<int>> responseIds, int thinkEndId,
        double answerWeight)
    {
        var weighted = scores.Mask;
        if (answerWeight != 1.0) weighted = scores.Mask * TokenWeights(responseIds, scores.Mask.shape[1], thinkEndId, answerWeight);
        var tokens = -(scores.LogProbs * weighted).sum() / weighted.sum().AtLeast(1e-6);
        var targets = HeadTargets(head, examples);
        var aux = AnomalyHeadTargets.Loss(head.Output, head.Mask, targets);
        var total = headWeight > 0 ? tokens + aux.Times(headWeight) : tokens + aux.detach().Times(0.0);
        return (total, tokens, aux);
    }

    /// <summary><c>[B, T]</c> weights: 1 up to and including the first <c>&lt;/think&gt;</c>, <paramref name="answerWeight"/>
    /// after it (all 1 in a row without one).</summary>
    internal static Tensor TokenWeights(IReadOnlyList<IReadOnlyList<int>> responseIds, long width, int thinkEndId, double answerWeight)
    {
        var w = new float[responseIds.Count * width];
        for (int i = 0; i < responseIds.Count; i++)
        {
            var ids = responseIds[i];
            int cut = -1;
            for (int t = 0; t < ids.Count; t++) if (ids[t] == thinkEndId) { cut = t; break; }
            for (int t = 0; t < width; t++) w[i * width + t] = cut >= 0 && t > cut ? (float)answerWeight : 1f;
        }
        return tensor(w, [responseIds.Count, width]);
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
