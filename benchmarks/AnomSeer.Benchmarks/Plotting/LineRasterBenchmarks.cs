using System.Runtime.InteropServices;
using AnomSeer.Plotting;
using AnomSeer.Plotting.Rendering;
using BenchmarkDotNet.Attributes;
using SkiaSharp;

namespace AnomSeer.Benchmarks.Plotting;

/// <summary>
/// Only the data line of the default plot (1000 noisy points, 2.08 px wide, anti-aliased, clipped to the plot area):
/// the library's managed capsule rasteriser against Skia stroking the same path with round joins, on the same buffer.
/// </summary>
[MemoryDiagnoser]
public class LineRasterBenchmarks
{
    private double[] _values = [];
    private PlotLayout _layout = null!;
    private byte[] _rgba = [];
    private float[] _coverage = [];
    private SKPath _path = null!;
    private SKPaint _paint = null!;
    private float _lineWidth;
    private GCHandle _pin;

    /// <summary>Builds the series, its layout, the buffers and the Skia path.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _values = PlotBenchmarkData.SpikeAndShift(1000);
        var renderer = new TimeSeriesPlotRenderer();
        _layout = renderer.ComputeLayout(_values);
        _rgba = new byte[_layout.Width * _layout.Height * 4];
        _pin = GCHandle.Alloc(_rgba, GCHandleType.Pinned);
        _coverage = new float[_layout.PlotArea.Width * _layout.PlotArea.Height];
        _lineWidth = (float)(renderer.Options.LineWidthPoints * renderer.Options.Dpi / 72);
        _path = new SKPath();
        for (int i = 0; i < _values.Length; i++)
        {
            var p = new SKPoint((float)_layout.IndexToPixelX(i), (float)_layout.ValueToPixelY(_values[i]));
            if (i == 0) _path.MoveTo(p); else _path.LineTo(p);
        }
        _paint = new SKPaint
        {
            Color = new SKColor(0x46, 0x82, 0xB4), Style = SKPaintStyle.Stroke, StrokeWidth = _lineWidth, IsAntialias = true,
            StrokeJoin = SKStrokeJoin.Round, StrokeCap = SKStrokeCap.Square,
        };
    }

    /// <summary>Frees the Skia objects.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _path.Dispose();
        _paint.Dispose();
        _pin.Free();
    }

    /// <summary>The library's way: coverage mask, then one blend.</summary>
    [Benchmark(Baseline = true)]
    public void ManagedCapsules()
    {
        var raster = new PolylineRasterizer(_layout.PlotArea, _lineWidth, _coverage);
        LineTracer.Trace(_values, _layout, _layout.Panels[0], raster);
        raster.Composite(_rgba, _layout.Width, PlotColor.SteelBlue, antialias: true);
    }

    /// <summary>Skia's CPU stroker and anti-aliased scan converter on the same buffer.</summary>
    [Benchmark]
    public void SkiaStroke()
    {
        var info = new SKImageInfo(_layout.Width, _layout.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var a = _layout.PlotArea;
        using var surface = SKSurface.Create(info, _pin.AddrOfPinnedObject(), info.RowBytes);
        surface.Canvas.ClipRect(new SKRect(a.Left, a.Top, a.Right, a.Bottom));
        surface.Canvas.DrawPath(_path, _paint);
    }
}
