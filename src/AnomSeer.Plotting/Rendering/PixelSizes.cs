namespace AnomSeer.Plotting.Rendering;

/// <summary>The point sizes of <see cref="PlotOptions"/> converted to pixels.</summary>
internal readonly record struct PixelSizes(float LineWidth, float FontSize, float TickLength, float TickPad,
    float AxisLineWidth, float OuterPad, float PanelGap)
{
    internal static PixelSizes From(PlotOptions o)
    {
        float k = (float)(o.Dpi / 72.0);
        return new PixelSizes((float)o.LineWidthPoints * k, (float)o.FontSizePoints * k, (float)o.TickLengthPoints * k,
            (float)o.TickPadPoints * k, (float)o.AxisLineWidthPoints * k, (float)o.OuterPadPoints * k, (float)o.PanelGapPoints * k);
    }
}
