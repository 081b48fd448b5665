namespace AnomSeer.Policy.Tiny;

/// <summary>Draws one token from log-probabilities on the CPU: greedy, or top-p (nucleus) sampling with a given RNG.</summary>
internal static class TokenSampler
{
    /// <summary>A seeded RNG for response (<paramref name="prompt"/>, <paramref name="sample"/>): independent of the batch layout.</summary>
    public static Random CreateRandom(int seed, int prompt, int sample)
    {
        ulong x = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)prompt * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)sample * 0x94D049BB133111EBUL;
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL; x ^= x >> 27; x *= 0x94D049BB133111EBUL; x ^= x >> 31;
        return new Random((int)(x & 0x7FFFFFFF));
    }

    public static int ArgMax(ReadOnlySpan<float> logProbs)
    {
        int best = 0;
        for (int i = 1; i < logProbs.Length; i++)
            if (logProbs[i] > logProbs[best]) best = i;
        return best;
    }

    /// <summary>Samples from the distribution restricted to its smallest most-likely set of mass ≥ <paramref name="topP"/>.</summary>
    public static int Sample(ReadOnlySpan<float> logProbs, double topP, Random random)
    {
        int n = logProbs.Length;
        var order = new int[n];
        var probs = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; probs[i] = Math.Exp(logProbs[i]); }
        if (topP < 1.0)
            Array.Sort(order, (a, b) => probs[b].CompareTo(probs[a]) is var c && c != 0 ? c : a.CompareTo(b));
        double kept = 0;
        int count = 0;
        for (; count < n; count++)
        {
            kept += probs[order[count]];
            if (topP < 1.0 && kept >= topP) { count++; break; }
        }
        count = Math.Min(count, n);
        double u = random.NextDouble() * kept;
        double acc = 0;
        int last = order[0];
        for (int i = 0; i < count; i++)
        {
            int id = order[i];
            if (probs[id] <= 0) continue;
            last = id;
            acc += probs[id];
            if (u < acc) return id;
        }
        return last;
    }
}
