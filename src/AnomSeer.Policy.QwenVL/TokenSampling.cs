namespace AnomSeer.Policy.QwenVL;

/// <summary>
/// Logits processing and sampling on one row of float32 logits (spec §8.2 order): repetition penalty, temperature,
/// log-softmax (the returned log-probabilities), then top-k and top-p truncation and the draw.
/// </summary>
internal static class TokenSampling
{
    /// <summary>Applies the repetition penalty in place over the distinct <paramref name="seen"/> ids.</summary>
    public static void Penalize(Span<float> logits, IEnumerable<int> seen, double penalty)
    {
        if (penalty == 1.0) return;
        foreach (int id in seen.Distinct())
        {
            if ((uint)id >= (uint)logits.Length) continue;
            float s = logits[id];
            logits[id] = s < 0 ? (float)(s * penalty) : (float)(s / penalty);
        }
    }

    /// <summary>Log-softmax of <c>logits / temperature</c> (temperature 0 or 1: unscaled), in double.</summary>
    public static double[] LogSoftmax(ReadOnlySpan<float> logits, double temperature)
    {
        double t = temperature > 0 ? temperature : 1.0;
        var result = new double[logits.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++) { result[i] = logits[i] / t; max = Math.Max(max, result[i]); }
        double sum = 0;
        for (int i = 0; i < result.Length; i++) sum += Math.Exp(result[i] - max);
        double log = max + Math.Log(sum);
        for (int i = 0; i < result.Length; i++) result[i] -= log;
        return result;
    }

    /// <summary>Draws a token from log-probabilities with optional top-k (0 off) and top-p (1 off) truncation.</summary>
    public static int Draw(double[] logProbs, int topK, double topP, Random rng)
    {
        int[] candidates;
        if (topK > 0 || topP < 1)
        {
            var order = Enumerable.Range(0, logProbs.Length).OrderByDescending(i => logProbs[i]).ThenBy(i => i);
            if (topK > 0) order = order.Take(topK).OrderByDescending(i => logProbs[i]).ThenBy(i => i);
            var kept = new List<int>();
            double mass = 0;
            foreach (int i in order)
            {
                kept.Add(i);
                mass += Math.Exp(logProbs[i]);
                if (topP < 1 && mass >= topP) break;
            }
            candidates = [.. kept];
        }
        else candidates = Enumerable.Range(0, logProbs.Length).ToArray();
        double total = candidates.Sum(i => Math.Exp(logProbs[i]));
        double u = rng.NextDouble() * total, acc = 0;
        foreach (int i in candidates)
        {
            acc += Math.Exp(logProbs[i]);
            if (u < acc) return i;
        }
        return candidates[^1];
    }

    /// <summary>The index of the largest value (first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
