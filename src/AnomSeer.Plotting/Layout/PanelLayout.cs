namespace AnomSeer.Plotting;

/// <summary>
/// Where one channel is drawn: its plot area, its y range and its y ticks. A univariate plot has one panel; a multivariate
/// plot stacks one panel per channel, top to bottom, sharing the x-axis.
/// </summary>
public sealed class PanelLayout
{
    internal PanelLayout(int channel, PixelRect plotArea, double yMin, double yMax, IReadOnlyList<TickMark> yTicks)
    {
        Channel = channel;
        PlotArea = plotArea;
        YMin = yMin;
        YMax = yMax;
        YTicks = yTicks;
    }

    /// <summary>Index of the channel drawn in this panel.</summary>
    public int Channel { get; }

    /// <summary>
    /// The plot area. Pixel coordinates map continuously onto it: the value <see cref="YMax"/> maps to y = <c>Top</c> (the
    /// upper edge of row <c>Top</c>) and <see cref="YMin"/> to y = <c>Bottom</c>. The axis frame is drawn centred on these
    /// edges; the data line is clipped to them.
    /// </summary>
    public PixelRect PlotArea { get; }

    /// <summary>Data value at the bottom edge of the plot area.</summary>
    public double YMin { get; }

    /// <summary>Data value at the top edge of the plot area.</summary>
    public double YMax { get; }

    /// <summary>The y ticks, bottom to top.</summary>
    public IReadOnlyList<TickMark> YTicks { get; }

    /// <summary>The pixel y coordinate (continuous; row <c>floor(y)</c>) of data value <paramref name="value"/>.</summary>
    public double ValueToPixelY(double value) =>
        PlotArea.Bottom - (value - YMin) / (YMax - YMin) * PlotArea.Height;

    /// <summary>The data value at pixel y coordinate <paramref name="pixelY"/>; the inverse of <see cref="ValueToPixelY"/>.</summary>
    public double PixelYToValue(double pixelY) =>
        YMin + (PlotArea.Bottom - pixelY) / PlotArea.Height * (YMax - YMin);
}
