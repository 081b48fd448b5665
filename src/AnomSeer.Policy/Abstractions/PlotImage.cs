using AnomSeer.Plotting;

namespace AnomSeer.Policy;

/// <summary>
/// A rendered plot as the policy reads it: a <c>[C, H, W]</c> float tensor (values in [0, 1], row-major, channel planes
/// first) plus the linear map from pixel column to time index, so that each visual token knows the x-range it shows.
/// </summary>
public sealed class PlotImage
{
    private readonly float[] _pixels;

    /// <summary>Wraps a pixel tensor.</summary>
    /// <param name="pixels">The <c>[C, H, W]</c> tensor, exactly <c>C·H·W</c> values; copied.</param>
    /// <param name="channels">C, at least 1.</param>
    /// <param name="height">H, at least 1.</param>
    /// <param name="width">W, at least 1.</param>
    /// <param name="seriesLength">Length of the plotted series, at least 1.</param>
    /// <param name="indexAtPixelZero">The (fractional) time index drawn at pixel x = 0.</param>
    /// <param name="indicesPerPixel">Time indices per pixel column; positive and finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pixels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or the mapping is invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> has the wrong length or a non-finite value.</exception>
    public PlotImage(float[] pixels, int channels, int height, int width, int seriesLength,
        double indexAtPixelZero, double indicesPerPixel)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seriesLength);
        if (!double.IsFinite(indexAtPixelZero))
            throw new ArgumentOutOfRangeException(nameof(indexAtPixelZero), indexAtPixelZero, "Must be finite.");
        if (!double.IsFinite(indicesPerPixel) || indicesPerPixel <= 0)
            throw new ArgumentOutOfRangeException(nameof(indicesPerPixel), indicesPerPixel, "Must be positive and finite.");
        if (pixels.Length != (long)channels * height * width)
            throw new ArgumentException($"Expected {channels}·{height}·{width} = {(long)channels * height * width} values, got {pixels.Length}.", nameof(pixels));
        foreach (var v in pixels)
            if (!float.IsFinite(v)) throw new ArgumentException("The pixel tensor has a non-finite value.", nameof(pixels));
        _pixels = (float[])pixels.Clone();
        Channels = channels;
        Height = height;
        Width = width;
        SeriesLength = seriesLength;
        IndexAtPixelZero = indexAtPixelZero;
        IndicesPerPixel = indicesPerPixel;
    }

    /// <summary>Number of channels C.</summary>
    public int Channels { get; }

    /// <summary>Height H in pixels.</summary>
    public int Height { get; }

    /// <summary>Width W in pixels.</summary>
    public int Width { get; }

    /// <summary>Length of the plotted series.</summary>
    public int SeriesLength { get; }

    /// <summary>The time index drawn at pixel x = 0 (negative when the plot area starts right of the image edge).</summary>
    public double IndexAtPixelZero { get; }

    /// <summary>Time indices per pixel column.</summary>
    public double IndicesPerPixel { get; }

    /// <summary>The pixel tensor <c>[C, H, W]</c>.</summary>
    public ReadOnlySpan<float> Pixels => _pixels;

    /// <summary>The time index drawn at continuous pixel x coordinate <paramref name="pixelX"/>.</summary>
    public double PixelToIndex(double pixelX) => IndexAtPixelZero + pixelX * IndicesPerPixel;

    /// <summary>The plot as the policy reads it, straight from the renderer's pixels and layout (no PNG round trip).</summary>
    /// <param name="plot">A rendered plot.</param>
    /// <param name="mode">The tensor channels; must match the model's configured channel count.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plot"/> is null.</exception>
    public static PlotImage FromRenderedPlot(RenderedPlot plot, TensorColorMode mode = TensorColorMode.Rgb)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var layout = plot.Layout;
        double i0 = layout.PixelXToIndex(0);
        double i1 = layout.PixelXToIndex(1);
        return new PlotImage(plot.ToTensor(mode), PixelTensor.ChannelCount(mode), plot.Height, plot.Width,
            layout.SeriesLength, i0, i1 - i0);
    }
}
