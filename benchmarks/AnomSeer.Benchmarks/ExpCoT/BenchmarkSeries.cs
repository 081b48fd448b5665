namespace AnomSeer.Benchmarks.ExpCoT;

/// <summary>Deterministic AnomLLM-like inputs for the ExpCoT benchmarks.</summary>
internal static class BenchmarkSeries
{
    /// <summary>sin(2π·0.03·t) with N(0, 0.5) noise replacing [600, 630) and N(0, sd) on every point.</summary>
    public static double[] PointTask(int n, double noise, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Sin(2 * Math.PI * 0.03 * i) + noise * Normal(rng);
            if (i >= 600 && i < 630) x[i] = 0.5 * Normal(rng);
        }
        return x;
    }

    /// <summary>sin(2π·cumsum f), f = 0.03, tripled in [500, 540).</summary>
    public static double[] FreqTask(int n)
    {
        var x = new double[n];
        double phase = 0;
        for (int t = 0; t < n; t++)
        {
            phase += t >= 500 && t < 540 ? 0.09 : 0.03;
            x[t] = Math.Sin(2 * Math.PI * phase);
        }
        return x;
    }

    /// <summary>N(0, 0.1) with +0.7 in [420, 445).</summary>
    public static double[] RangeTask(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.1 * Normal(rng) + (i >= 420 && i < 445 ? 0.7 : 0);
        return x;
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
