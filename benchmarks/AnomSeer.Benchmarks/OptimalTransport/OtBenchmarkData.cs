using AnomSeer.OptimalTransport;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>Deterministic inputs shared by the optimal-transport benchmarks.</summary>
public static class OtBenchmarkData
{
    /// <summary>An n × m cosine-like cost in [0, 2] and softmax-peaked masses, as in the paper's workload.</summary>
    public static (double[] Cost, double[] A, double[] B) Problem(int n, int m, int seed)
    {
        var rng = new Random(seed);
        var c = new double[n * m];
        for (int x = 0; x < c.Length; x++) c[x] = 0.6 + 0.8 * rng.NextDouble();
        return (c, Softmax(n, rng), Softmax(m, rng));
    }

    private static double[] Softmax(int n, Random rng)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = Math.Exp(3 * rng.NextDouble());
        double s = v.Sum();
        for (int i = 0; i < n; i++) v[i] /= s;
        return v;
    }

    /// <summary>Random hidden states of <paramref name="rows"/> × <paramref name="dim"/> (norms of order 10–20, like a final layer).</summary>
    public static HiddenStates States(int rows, int dim, int seed)
    {
        var rng = new Random(seed);
        var v = new float[rows * dim];
        for (int x = 0; x < v.Length; x++) v[x] = (float)(rng.NextDouble() * 2 - 1) * (1 + (x / dim) % 3);
        return new HiddenStates(v, rows, dim);
    }

    /// <summary>The paper's per-step OT workload scaled to this machine: 40 responses, T_r in [250, 350], T_e = 512, D = 256.</summary>
    public static (HiddenStates[] Responses, HiddenStates[] References) Workload(int responses = 40, int referenceTokens = 512, int dim = 256)
    {
        var rng = new Random(2026);
        var refs = Enumerable.Range(0, responses / 5).Select(g => States(referenceTokens, dim, 1000 + g)).ToArray();
        var resp = new HiddenStates[responses];
        var refPerResponse = new HiddenStates[responses];
        for (int i = 0; i < responses; i++)
        {
            resp[i] = States(250 + rng.Next(101), dim, i);
            refPerResponse[i] = refs[i / 5];
        }
        return (resp, refPerResponse);
    }

    /// <summary>Flops of the scaling form: 4 n m per iteration (two mat-vecs).</summary>
    public static double ScalingFlops(int n, int m, int iterations) => 4.0 * n * m * iterations;
}
