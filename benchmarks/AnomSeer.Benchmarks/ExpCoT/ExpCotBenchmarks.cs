using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Detection;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.ExpCoT;

/// <summary>
/// The full ExpCoT of one length-1000 series, one benchmark per route (the matrix-profile route is the slowest),
/// and the expert detector, which runs every analysis. Target: ≤ 1 ms mean per ExpCoT on one core.
/// </summary>
[MemoryDiagnoser]
public class ExpCotBenchmarks
{
    private readonly ExpCotGenerator _generator = new();
    private readonly ExpertDetector _detector = new();
    private double[] _point = [], _noisyPoint = [], _freq = [], _range = [];
    private readonly AnomalyInterval[] _gt = [new(600, 630)];

    /// <summary>Builds the series.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _point = BenchmarkSeries.PointTask(1000, 0, 2);
        _noisyPoint = BenchmarkSeries.PointTask(1000, 0.08, 3);
        _freq = BenchmarkSeries.FreqTask(1000);
        _range = BenchmarkSeries.RangeTask(1000, 4);
    }

    /// <summary>"point": matrix-profile route.</summary>
    [Benchmark(Baseline = true)]
    public string PointRoute() => _generator.Generate(_point, _gt, AnomalyClass.ContextualPoint, "point").Text;

    /// <summary>"noisy-point": Savitzky–Golay denoising, then the matrix-profile route.</summary>
    [Benchmark]
    public string NoisyPointRoute() => _generator.Generate(_noisyPoint, _gt, AnomalyClass.ContextualPoint, "noisy-point").Text;

    /// <summary>"freq": sliding dominant-period route.</summary>
    [Benchmark]
    public string FrequencyRoute() => _generator.Generate(_freq, _gt, AnomalyClass.Seasonal, "freq").Text;

    /// <summary>"range": k-sigma route.</summary>
    [Benchmark]
    public string RangeRoute() => _generator.Generate(_range, _gt, AnomalyClass.GlobalPoint, "range").Text;

    /// <summary>Expert detector (trend, frequency and discord scans all run).</summary>
    [Benchmark]
    public string ExpertDetector() => _detector.Detect(_noisyPoint).ToAnswerText();
}
