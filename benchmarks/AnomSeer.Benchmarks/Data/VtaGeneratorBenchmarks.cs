using AnomSeer.Data.Synthetic;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Data;

/// <summary>
/// One VisualTimeAnomaly-style series of length 400 per operation, for each of the 5 types, with the default
/// options and with the seasonal-frequency quirk (exact big-integer argument reduction per point, so much slower;
/// off by default). Reference only: the out-of-domain set has 100 series per type.
/// </summary>
[MemoryDiagnoser]
public class VtaGeneratorBenchmarks
{
    private readonly VtaGenerator _generator = new();
    private readonly VtaGenerator _quirk = new(new VtaSuiteOptions { SeasonalFrequencyQuirk = true });
    private int _index;

    /// <summary>The type.</summary>
    [ParamsAllValues]
    public VtaType Type { get; set; }

    /// <summary>Resets the index.</summary>
    [GlobalSetup]
    public void Setup() => _index = 0;

    /// <summary>Default options.</summary>
    [Benchmark(Baseline = true)]
    public int Library() => _generator.Generate(Type, 0, _index++ % 100).Intervals.Count;

    /// <summary>With the seasonal quirk (only the seasonal type differs).</summary>
    [Benchmark]
    public int WithSeasonalQuirk() => _quirk.Generate(Type, 0, _index++ % 100).Intervals.Count;
}
