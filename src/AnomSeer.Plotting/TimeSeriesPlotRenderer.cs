using System.Buffers;
using AnomSeer.Plotting.Rendering;
using SkiaSharp;

namespace AnomSeer.Plotting;

/// <summary>
/// Renders a time series to the image a multimodal model reads: by default the 1000 × 150 px, steelblue-on-white,
/// y ∈ (−1, 1) figure of the AnomLLM suite with x tick labels 0, 200, …, 1000 (spec c.1, g.13). Draws with SkiaSharp on the
/// CPU, with the embedded DejaVu Sans font.
/// </summary>
/// <remarks>
/// Thread-safe: one instance may render from many threads at once, and output depends only on the input and the options
/// (the same input gives byte-identical pixels and PNG files, serially or in parallel). NaN values leave gaps in the line;
/// infinite values are rejected. Series longer than about twice the plot width in pixels are drawn from per-column minima
/// and maxima, so that single-point extremes stay visible.
/// </remarks>
public sealed class TimeSeriesPlotRenderer
{
    private readonly SKTypeface _typeface;

    /// <summary>Creates a renderer; the options are validated and the font is loaded here, once.</summary>
    /// <param name="options">The drawing options; <see langword="null"/> for the paper's defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="PlotOptions.Validate"/>) or the font file is unreadable.</exception>
    /// <exception cref="FileNotFoundException"><see cref="PlotOptions.FontFile"/> names a missing file.</exception>
    public TimeSeriesPlotRenderer(PlotOptions? options = null)
    {
        Options = options ?? new PlotOptions();
        Options.Validate();
        _typeface = FontProvider.Get(Options.FontFile);
    }

    /// <summary>The options every render of this instance uses.</summary>
    public PlotOptions Options { get; }

    /// <summary>The family name of the font used for tick labels ("DejaVu Sans" unless <see cref="PlotOptions.FontFile"/> is set).</summary>
    public string FontFamily => _typeface.FamilyName;

    /// <summary>The layout a univariate series would be drawn with, without drawing it.</summary>
    /// <exception cref="ArgumentException">The series is empty or has an infinite value.</exception>
    public PlotLayout ComputeLayout(ReadOnlySpan<double> values) => Prepare([values.ToArray()], null).Layout;

    /// <summary>The layout a multivariate series (one array per channel, equal lengths) would be drawn with.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">No channel, unequal or zero lengths, or an infinite value.</exception>
    public PlotLayout ComputeLayout(IReadOnlyList<double[]> channels) => Prepare(channels, null).Layout;

    /// <summary>Renders a univariate series.</summary>
    /// <param name="values">The series, oldest first; NaN leaves a gap.</param>
    /// <param name="shadedIntervals">Intervals to shade; drawn only when <see cref="PlotOptions.ShadeIntervals"/> is on, so that a
    /// pipeline may always pass its ground truth and decide by configuration (spec c.1: shading leaks labels).</param>
    /// <exception cref="ArgumentException">The series is empty or has an infinite value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval ends after the series.</exception>
    public RenderedPlot Render(ReadOnlySpan<double> values, IReadOnlyList<AnomalyInterval>? shadedIntervals = null) =>
        RenderChannels([values.ToArray()], shadedIntervals);

    /// <summary>Renders a univariate single-precision series; see <see cref="Render(ReadOnlySpan{double}, IReadOnlyList{AnomalyInterval}?)"/>.</summary>
    public RenderedPlot Render(ReadOnlySpan<float> values, IReadOnlyList<AnomalyInterval>? shadedIntervals = null) =>
        RenderChannels([ToDouble(values)], shadedIntervals);

    /// <summary>Renders a <see cref="TimeSeries"/>; see <see cref="Render(ReadOnlySpan{double}, IReadOnlyList{AnomalyInterval}?)"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    public RenderedPlot Render(TimeSeries series, IReadOnlyList<AnomalyInterval>? shadedIntervals = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        return RenderChannels([series.ToArray()], shadedIntervals);
    }

    /// <summary>Renders a multivariate series as stacked panels, one per channel (top to bottom), sharing the x-axis.</summary>
    /// <param name="channels">One array per channel, all of the same length.</param>
    /// <param name="shadedIntervals">Intervals to shade across all panels (only with <see cref="PlotOptions.ShadeIntervals"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">No channel, unequal or zero lengths, an infinite value, or too many channels for the height.</exception>
    public RenderedPlot RenderMultivariate(IReadOnlyList<double[]> channels, IReadOnlyList<AnomalyInterval>? shadedIntervals = null) =>
        RenderChannels(channels, shadedIntervals);

    /// <summary>Renders a univariate series straight to PNG file bytes (the pixel buffer is pooled, not kept).</summary>
    /// <exception cref="ArgumentException">The series is empty or has an infinite value.</exception>
    public byte[] RenderPng(ReadOnlySpan<double> values, IReadOnlyList<AnomalyInterval>? shadedIntervals = null)
    {
        int size = Options.Width * Options.Height * 4;
        byte[] rgba = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var pixels = rgba.AsSpan(0, size);
            RenderRgba(values, pixels, shadedIntervals);
            return PngWriter.Encode(pixels, Options.Width, Options.Height, Options.PngCompressionLevel);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }

    /// <summary>
    /// Renders a univariate series into a caller's RGBA buffer of exactly <c>Width·Height·4</c> bytes (no allocation of the
    /// image, no encoding): the fastest path to raw pixels.
    /// </summary>
    /// <returns>The layout the pixels were drawn with.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length, or the series is invalid.</exception>
    public PlotLayout RenderRgba(ReadOnlySpan<double> values, Span<byte> destination, IReadOnlyList<AnomalyInterval>? shadedIntervals = null)
    {
        double[][] channels = [values.ToArray()];
        var computed = Prepare(channels, shadedIntervals);
        int need = Options.Width * Options.Height * 4;
        if (destination.Length != need)
            throw new ArgumentException($"The RGBA destination must hold {need} bytes ({Options.Width}×{Options.Height}×4), not {destination.Length}.", nameof(destination));
        Paint(destination, computed, channels, shadedIntervals);
        return computed.Layout;
    }

    /// <summary>
    /// Renders a univariate series to a <c>[C, H, W]</c> float tensor in [0, 1], straight from the (pooled) pixel buffer.
    /// </summary>
    /// <exception cref="ArgumentException">The series is empty or has an infinite value.</exception>
    public float[] RenderTensor(ReadOnlySpan<double> values, TensorColorMode mode = TensorColorMode.Rgb)
    {
        int size = Options.Width * Options.Height * 4;
        byte[] rgba = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var pixels = rgba.AsSpan(0, size);
            RenderRgba(values, pixels);
            return PixelTensor.FromRgba(pixels, Options.Width, Options.Height, mode);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgba);
        }
    }

    private RenderedPlot RenderChannels(IReadOnlyList<double[]> channels, IReadOnlyList<AnomalyInterval>? shaded)
    {
        var computed = Prepare(channels, shaded);
        var rgba = GC.AllocateUninitializedArray<byte>(Options.Width * Options.Height * 4);
        Paint(rgba, computed, channels, shaded);
        return new RenderedPlot(rgba, computed.Layout, Options.PngCompressionLevel);
    }

    private ComputedLayout Prepare(IReadOnlyList<double[]> channels, IReadOnlyList<AnomalyInterval>? shaded)
    {
        int length = SeriesValidation.Check(channels);
        if (shaded is not null)
        {
            foreach (var iv in shaded)
                if (iv.End > length)
                    throw new ArgumentOutOfRangeException("shadedIntervals", iv, $"Interval {iv} ends after the series (length {length}).");
        }
        var s = PixelSizes.From(Options);
        using var font = FontProvider.CreateFont(_typeface, s.FontSize, Options.Antialias);
        return LayoutBuilder.Build(Options, new TextMetrics(font), channels, length);
    }

    private unsafe void Paint(Span<byte> rgba, ComputedLayout computed, IReadOnlyList<double[]> channels, IReadOnlyList<AnomalyInterval>? shaded)
    {
        var info = new SKImageInfo(Options.Width, Options.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        fixed (byte* p = rgba)
        {
            using var surface = SKSurface.Create(info, (IntPtr)p, info.RowBytes)
                ?? throw new InvalidOperationException("Skia could not create a raster surface.");
            PlotPainter.Paint(surface.Canvas, rgba, computed, channels, shaded, Options, _typeface);
            surface.Canvas.Flush();
        }
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var d = new double[values.Length];
        for (int i = 0; i < d.Length; i++) d[i] = values[i];
        return d;
    }
}
