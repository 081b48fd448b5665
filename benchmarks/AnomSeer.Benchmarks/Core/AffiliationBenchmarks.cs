using AnomSeer.Metrics;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Core;

/// <summary>
/// <see cref="AffiliationMetrics.Compute"/> on a length-1000 series with 3 ground-truth and 5 predicted
/// events (one prediction spans two affiliation zones, one zone has two predictions); and the same
/// inputs given unsorted with overlapping predictions, which adds the sort and merge. Target: well under 50 µs.
/// </summary>
[MemoryDiagnoser]
public class AffiliationBenchmarks
{
    private AnomalyInterval[] _truth = [];
    private AnomalyInterval[] _predicted = [];
    private AnomalyInterval[] _truthUnsorted = [];
    private AnomalyInterval[] _predictedUnsorted = [];

    /// <summary>Builds the events.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _truth = [new(118, 149), new(420, 480), new(700, 720)];
        _predicted = [new(100, 130), new(140, 160), new(300, 460), new(560, 600), new(705, 760)];
        _truthUnsorted = [_truth[2], _truth[0], _truth[1]];
        _predictedUnsorted = [new(705, 760), new(300, 460), new(100, 130), new(560, 600), new(140, 160), new(110, 125)];
    }

    /// <summary>Sorted, disjoint inputs.</summary>
    [Benchmark(Baseline = true)]
    public double Compute() => AffiliationMetrics.Compute(_predicted, _truth, 0, 1000).F1;

    /// <summary>Unsorted inputs with an overlapping prediction (sorted and merged first).</summary>
    [Benchmark]
    public double ComputeUnsorted() => AffiliationMetrics.Compute(_predictedUnsorted, _truthUnsorted, 0, 1000).F1;
}
