using AnomSeer.Plotting;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Plotting;

/// <summary>Raw-pixel rendering of long series, where per-column min/max decimation takes over (1000 points: none).</summary>
[MemoryDiagnoser]
public class LongSeriesBenchmarks
{
    private double[] _values = [];
    private TimeSeriesPlotRenderer _renderer = null!;
    private byte[] _rgba = [];

    /// <summary>Series length.</summary>
    [Params(1_000, 100_000, 1_000_000)]
    public int Length { get; set; }

    /// <summary>Builds the series and the buffer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = PlotBenchmarkData.SpikeAndShift(Length);
        _renderer = new TimeSeriesPlotRenderer();
        _rgba = new byte[_renderer.Options.Width * _renderer.Options.Height * 4];
    }

    /// <summary>Series → raw RGBA.</summary>
    [Benchmark]
    public PlotLayout RawRgba() => _renderer.RenderRgba(_values, _rgba);
}
