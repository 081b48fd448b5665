namespace AnomSeer.Plotting;

/// <summary>
/// The geometry of one rendered plot: image size, the x range and ticks shared by all panels, and one
/// <see cref="PanelLayout"/> per channel. It relates pixels to time indices and values exactly as they were drawn.
/// </summary>
public sealed class PlotLayout
{
    internal PlotLayout(int width, int height, int seriesLength, double xMin, double xMax,
        IReadOnlyList<TickMark> xTicks, IReadOnlyList<PanelLayout> panels, bool decimated)
    {
        Width = width;
        Height = height;
        SeriesLength = seriesLength;
        XMin = xMin;
        XMax = xMax;
        XTicks = xTicks;
        Panels = panels;
        IsDecimated = decimated;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of time steps N of the series (of each channel).</summary>
    public int SeriesLength { get; }

    /// <summary>Time index at the left edge of the plot area (0, or less with an x margin).</summary>
    public double XMin { get; }

    /// <summary>Time index at the right edge of the plot area (N, or more with an x margin).</summary>
    public double XMax { get; }

    /// <summary>The x ticks, left to right, with their labels (drawn under the bottom panel).</summary>
    public IReadOnlyList<TickMark> XTicks { get; }

    /// <summary>One panel per channel, top to bottom.</summary>
    public IReadOnlyList<PanelLayout> Panels { get; }

    /// <summary>The plot area of the first (for a univariate series, the only) panel.</summary>
    public PixelRect PlotArea => Panels[0].PlotArea;

    /// <summary>Whether the line was drawn from per-column minima and maxima because the series has more points than fit.</summary>
    public bool IsDecimated { get; }

    /// <summary>
    /// The pixel x coordinate (continuous; column <c>floor(x)</c>) at which time index <paramref name="index"/> is drawn.
    /// Index <c>s</c> of a half-open interval <c>[s, e)</c> is its left edge and <c>e</c> its right edge.
    /// </summary>
    public double IndexToPixelX(double index)
    {
        var area = PlotArea;
        return area.Left + (index - XMin) / (XMax - XMin) * area.Width;
    }

    /// <summary>The pixel x coordinate at which time index <paramref name="index"/> is drawn; see <see cref="IndexToPixelX(double)"/>.</summary>
    public double IndexToPixelX(int index) => IndexToPixelX((double)index);

    /// <summary>The (fractional) time index at pixel x coordinate <paramref name="pixelX"/>; the inverse of <see cref="IndexToPixelX(double)"/>.</summary>
    public double PixelXToIndex(double pixelX)
    {
        var area = PlotArea;
        return XMin + (pixelX - area.Left) / area.Width * (XMax - XMin);
    }

    /// <summary>The pixel y coordinate of <paramref name="value"/> in the panel of channel <paramref name="channel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is not a panel index.</exception>
    public double ValueToPixelY(double value, int channel = 0)
    {
        if ((uint)channel >= (uint)Panels.Count)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"The plot has {Panels.Count} panel(s).");
        return Panels[channel].ValueToPixelY(value);
    }
}
