using System.Runtime.InteropServices;
using AnomSeer.Plotting;
using SkiaSharp;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Plotting;

/// <summary>
/// One 1000-point series (noisy sine, a spike, a level shift) rendered at the paper's 1000 × 150 px, side by side:
/// the PNG path (target ≤ 3 ms), its split into drawing (raw RGBA into a reused buffer, target ≤ 1 ms) and PNG encoding
/// (the library's writer and, for comparison, Skia's libpng encoder),
/// the float tensor, and ScottPlot drawing the same figure, once naively (new plot and font load per call) and once reused.
/// </summary>
[MemoryDiagnoser]
public class PlotRenderingBenchmarks
{
    private double[] _values = [];
    private TimeSeriesPlotRenderer _renderer = null!;
    private RenderedPlot _rendered = null!;
    private byte[] _rgba = [];
    private string _fontPath = "";
    private ScottPlot.Plot _reusedScottPlot = null!;
    private byte[] _renderedCopy = [];
    private GCHandle _pin;

    /// <summary>Builds the series, the renderer, a pre-rendered plot for the encode-only case and the ScottPlot baselines.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = PlotBenchmarkData.SpikeAndShift(1000);
        _renderer = new TimeSeriesPlotRenderer();
        _rendered = _renderer.Render(_values);
        _rgba = new byte[_renderer.Options.Width * _renderer.Options.Height * 4];
        _fontPath = PlotBenchmarkData.WriteEmbeddedFontToTempFile();
        _reusedScottPlot = ScottPlotBaseline.Build(_values, _fontPath, "DejaVuBench");
        _renderedCopy = _rendered.Rgba.ToArray();
        _pin = GCHandle.Alloc(_renderedCopy, GCHandleType.Pinned);
    }

    /// <summary>Deletes the temporary font file.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _reusedScottPlot.Dispose();
        _pin.Free();
        File.Delete(_fontPath);
    }

    /// <summary>Draw and encode: series → PNG bytes.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Png() => _renderer.RenderPng(_values);

    /// <summary>Draw only: series → raw RGBA in a reused buffer.</summary>
    [Benchmark]
    public PlotLayout RawRgba() => _renderer.RenderRgba(_values, _rgba);

    /// <summary>Encode only: a rendered plot → PNG bytes.</summary>
    [Benchmark]
    public byte[] EncodeOnly() => _rendered.EncodePng();

    /// <summary>Encode only, with Skia's libpng encoder (same "Sub" filter and zlib level) instead of the library's writer.</summary>
    [Benchmark]
    public long SkiaLibpngEncode()
    {
        var info = new SKImageInfo(_rendered.Width, _rendered.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var pixmap = new SKPixmap(info, _pin.AddrOfPinnedObject(), info.RowBytes);
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, _renderer.Options.PngCompressionLevel));
        return data?.Size ?? throw new InvalidOperationException("Skia returned no PNG data.");
    }

    /// <summary>Draw and convert: series → [3, 150, 1000] float tensor.</summary>
    [Benchmark]
    public float[] TensorRgb() => _renderer.RenderTensor(_values);

    /// <summary>The naive setup with this library: a new renderer per call (the font itself stays cached).</summary>
    [Benchmark]
    public byte[] PngNewRendererPerCall() => new TimeSeriesPlotRenderer().RenderPng(_values);

    /// <summary>ScottPlot, naive: a new plot and a font file load on every call.</summary>
    [Benchmark]
    public byte[] ScottPlotNaivePerCall()
    {
        using var plot = ScottPlotBaseline.Build(_values, _fontPath, "DejaVuBench");
        return plot.GetImageBytes(1000, 150, ScottPlot.ImageFormat.Png);
    }

    /// <summary>ScottPlot, cached: the plot and font built once, only rendering and encoding per call.</summary>
    [Benchmark]
    public byte[] ScottPlotReused() => _reusedScottPlot.GetImageBytes(1000, 150, ScottPlot.ImageFormat.Png);
}
