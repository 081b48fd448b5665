using AnomSeer.ExpCoT.Analysis;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.ExpCoT;

/// <summary>
/// Dominant period of the 900 sliding windows of 100 points of a length-1000 series: the library's sliding DFT
/// (O(1) per bin and step) against one MathNet FFT per window (<see cref="DominantPeriod.Of"/> in a loop).
/// </summary>
[MemoryDiagnoser]
public class SlidingPeriodBenchmarks
{
    private double[] _x = [];

    /// <summary>Builds the series.</summary>
    [GlobalSetup]
    public void Setup() => _x = BenchmarkSeries.FreqTask(1000);

    /// <summary>Library: sliding DFT.</summary>
    [Benchmark]
    public double SlidingDft() => DominantPeriod.Sliding(_x, 100)[0];

    /// <summary>Naive: an FFT of every window.</summary>
    [Benchmark(Baseline = true)]
    public double FftPerWindow()
    {
        double last = 0;
        for (int i = 0; i < _x.Length - 100; i++) last = DominantPeriod.Of(_x.AsSpan(i, 100));
        return last;
    }
}
