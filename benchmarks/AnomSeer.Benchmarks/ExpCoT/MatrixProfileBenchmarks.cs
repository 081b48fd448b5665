using AnomSeer.ExpCoT.Analysis;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.ExpCoT;

/// <summary>
/// Matrix profile, n = 1000, m = 50: the library's O(n²) STOMP-style scan against a brute-force O(n²·m)
/// version (explicit z-normalised distances for every pair), side by side. Target: ≤ 0.5 ms for the fast one.
/// </summary>
[MemoryDiagnoser]
public class MatrixProfileBenchmarks
{
    private double[] _x = [];

    /// <summary>Series length.</summary>
    [Params(1000)]
    public int N { get; set; }

    /// <summary>Subsequence length.</summary>
    [Params(50)]
    public int M { get; set; }

    /// <summary>Builds the series.</summary>
    [GlobalSetup]
    public void Setup() => _x = BenchmarkSeries.PointTask(N, 0.05, 1);

    /// <summary>Library: O(n²) running mean-centred cross products, SIMD rows.</summary>
    [Benchmark]
    public double Stomp() => MatrixProfile.Compute(_x, M)[0];

    /// <summary>Naive O(n²·m): z-normalise each pair and sum squared differences.</summary>
    [Benchmark(Baseline = true)]
    public double BruteForce()
    {
        int m = M, nsub = _x.Length - m + 1, excl = (m + 3) / 4;
        var mu = new double[nsub];
        var sd = new double[nsub];
        for (int i = 0; i < nsub; i++)
        {
            double s = 0, ss = 0;
            for (int t = 0; t < m; t++) s += _x[i + t];
            mu[i] = s / m;
            for (int t = 0; t < m; t++) ss += (_x[i + t] - mu[i]) * (_x[i + t] - mu[i]);
            sd[i] = Math.Sqrt(ss / m);
        }
        var p = new double[nsub];
        for (int i = 0; i < nsub; i++)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < nsub; j++)
            {
                if (Math.Abs(i - j) <= excl) continue;
                double d = 0;
                for (int t = 0; t < m; t++)
                {
                    double a = (_x[i + t] - mu[i]) / sd[i] - (_x[j + t] - mu[j]) / sd[j];
                    d += a * a;
                }
                best = Math.Min(best, d);
            }
            p[i] = Math.Sqrt(best);
        }
        return p[0];
    }
}
