using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;

namespace AnomSeer.Benchmarks.Cuda;

/// <summary>Generates a workload's inputs in parallel from a counter-based hash (SplitMix64).</summary>
public static class WorkloadData
{
    /// <summary>A uniform value in [0, 1) for a counter.</summary>
    public static float Uniform(ulong counter)
    {
        ulong z = counter + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 40) / 16777216f;
    }

    /// <summary>Cost matrices with values in [0, 2] and uniform-plus-noise masses.</summary>
    public static SinkhornProblem<float>[] Problems(Workload w)
    {
        var problems = new SinkhornProblem<float>[w.Count];
        Parallel.For(0, w.Count, p =>
        {
            int n = w.ResponseLengths[p], m = w.ReferenceLength;
            var cost = new float[(long)n * m];
            ulong seed = (ulong)p << 40;
            for (long e = 0; e < cost.Length; e++) cost[e] = 2f * Uniform(seed + (ulong)e);
            var a = new float[n];
            var b = new float[m];
            for (int i = 0; i < n; i++) a[i] = 0.5f + Uniform(seed ^ 0xA5A5UL + (ulong)i);
            for (int j = 0; j < m; j++) b[j] = 0.5f + Uniform(seed ^ 0x5A5AUL + (ulong)j);
            problems[p] = new SinkhornProblem<float>(cost, n, m, a, b);
        });
        return problems;
    }

    /// <summary>Hidden states: approximately normal features (sum of four uniforms) around one of 8 shared directions, norms spread by a per-token scale.</summary>
    public static HiddenStatePair[] Pairs(Workload w)
    {
        int d = w.Dimension;
        var pairs = new HiddenStatePair[w.Count];
        Parallel.For(0, w.Count, p =>
            pairs[p] = new HiddenStatePair(Tokens(w.ResponseLengths[p], d, (ulong)p * 2 + 1), Tokens(w.ReferenceLength, d, (ulong)p * 2 + 2)));
        return pairs;
    }

    private static HiddenStates Tokens(int rows, int d, ulong stream)
    {
        var values = new float[(long)rows * d];
        ulong seed = stream << 42;
        for (int r = 0; r < rows; r++)
        {
            int centre = (int)(Uniform(seed + (ulong)r * 7919) * 8);
            float scale = 1f + 3f * Uniform(seed ^ ((ulong)r * 104729 + 17));
            for (int k = 0; k < d; k++)
            {
                ulong c = seed + ((ulong)r * (ulong)d + (ulong)k) * 4;
                float noise = (Uniform(c) + Uniform(c + 1) + Uniform(c + 2) + Uniform(c + 3) - 2f) * 1.7320508f;
                float direction = Uniform(((ulong)centre << 50) + (ulong)k) * 2f - 1f;
                values[(long)r * d + k] = scale * (direction + 0.5f * noise);
            }
        }
        return new HiddenStates(values, rows, d);
    }
}
