using AnomSeer.Data.Random;
using AnomSeer.Data.Synthetic;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Data;

/// <summary>
/// One AnomLLM-style series of length 1000 per operation, for each of the 8 tasks: the library's
/// <see cref="AnomLlmGenerator.Fill"/> (own deterministic RNG, sine tables, no allocation) next to a naive
/// straightforward version of the same generator (System.Random, Math.Sin/Math.Log per point, Box–Muller,
/// fresh arrays and lists). Target (issue 3): at least 20,000 series per second on one core, i.e. at most 50 µs
/// per operation, so the generator is never the bottleneck of training.
/// </summary>
[MemoryDiagnoser]
public class AnomLlmGeneratorBenchmarks
{
    private readonly AnomLlmGenerator _generator = new();
    private readonly double[] _buffer = new double[1000];
    private readonly List<AnomalyInterval> _intervals = new(8);
    private System.Random _naiveRandom = new(1);
    private ulong _index;

    /// <summary>The task.</summary>
    [ParamsAllValues]
    public AnomLlmTask Task { get; set; }

    /// <summary>Resets the streams.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _index = 0;
        _naiveRandom = new System.Random(1);
    }

    /// <summary>The library generator, one series into reused buffers.</summary>
    [Benchmark(Baseline = true)]
    public int Library()
    {
        _generator.Fill(Task, SeededRandom.ForStream(3407, AnomLlmGenerator.StreamId(Task), _index++), _buffer, _intervals);
        return _intervals.Count;
    }

    /// <summary>A naive version of the same generator.</summary>
    [Benchmark]
    public int Naive() => NaiveAnomLlm.Generate(Task, _naiveRandom).Intervals.Count;
}

/// <summary>The straightforward way to write the AnomLLM generators (spec c.1), as a speed reference only.</summary>
internal static class NaiveAnomLlm
{
    public static (double[] Values, List<(int Start, int End)> Intervals) Generate(AnomLlmTask task, System.Random r)
    {
        const int n = 1000;
        var x = new double[n];
        var ivs = new List<(int, int)>();
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
        double Exp(double mean) => -mean * Math.Log(1 - r.NextDouble());
        void Sample(double normalMean, double anomMean, int minAnom, int minNormal, int cap)
        {
            int loc = 0;
            for (int k = 0; k < cap; k++)
            {
                int s = loc + (int)Math.Max(Exp(normalMean), minNormal);
                if (s >= n) break;
                int e = Math.Min(n, s + (int)Math.Max(Exp(anomMean), minAnom));
                ivs.Add((s, e));
                loc = e;
            }
        }
        var baseTask = task.BaseTask();
        switch (baseTask)
        {
            case AnomLlmTask.Range:
                Sample(800, 20, 5, 10, 8);
                for (int t = 0; t < n; t++) x[t] = 0.1 * Normal();
                foreach (var (s, e) in ivs)
                {
                    double sign = r.Next(2) == 1 ? 1 : -1;
                    for (int t = s; t < e; t++) x[t] += sign * (0.5 + 0.3 * r.NextDouble());
                }
                break;
            case AnomLlmTask.Point:
                Sample(800, 30, 5, 200, 8);
                for (int t = 0; t < n; t++) x[t] = Math.Sin(2 * Math.PI * 0.03 * t);
                foreach (var (s, e) in ivs) for (int t = s; t < e; t++) x[t] = 0.5 * Normal();
                break;
            case AnomLlmTask.Freq:
                Sample(450, 15, 7, 20, int.MaxValue);
                var f = Enumerable.Repeat(0.03, n).ToArray();
                foreach (var (s, e) in ivs)
                {
                    double m = r.NextDouble() < 0.5 ? 3 : 1 / 3.0;
                    for (int t = s; t < e; t++) f[t] *= m;
                }
                double phase = 0;
                for (int t = 0; t < n; t++) { phase += f[t]; x[t] = Math.Sin(2 * Math.PI * phase); }
                break;
            default:
                Sample(1700, 100, 50, 800, 8);
                var trend = new double[n];
                double v = 0; int from = 0;
                double lo = baseTask == AnomLlmTask.Trend ? 6 : 4.5, hi = baseTask == AnomLlmTask.Trend ? 20 : 6;
                foreach (var (s, e) in ivs)
                {
                    for (int t = from; t < s; t++) trend[t] = v + 3.0 * (t - from) / n;
                    v = trend[s - 1];
                    double slope = lo + (hi - lo) * r.NextDouble();
                    for (int t = s; t < e; t++) trend[t] = v + slope * (t - s) / n;
                    v = trend[e - 1]; from = e;
                }
                for (int t = from; t < n; t++) trend[t] = v + 3.0 * (t - from) / n;
                for (int t = 0; t < n; t++) x[t] = Math.Sin(2 * Math.PI * 0.02 * t) + trend[t];
                double min = x.Min(), max = x.Max();
                for (int t = 0; t < n; t++) x[t] = 2 * (x[t] - min) / (max - min) - 1;
                break;
        }
        if (task.IsNoisy()) for (int t = 0; t < n; t++) x[t] += 0.08 * Normal();
        return (x, ivs);
    }
}
