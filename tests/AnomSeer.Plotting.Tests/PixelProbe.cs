using AnomSeer.Plotting;

namespace AnomSeer.Plotting.Tests;

/// <summary>Classifies pixels of a rendered plot, independently of the renderer's own code.</summary>
internal static class PixelProbe
{
    /// <summary>A line pixel: clearly blue-dominant (steelblue is 70, 130, 180; anti-aliased edges fade towards white).</summary>
    internal static bool IsLine(PlotColor c) => c.B - c.R >= 40 && c.B > c.G;

    /// <summary>Any hint of the line colour (faint anti-aliasing included).</summary>
    internal static bool IsBluish(PlotColor c) => c.B - c.R >= 8;

    /// <summary>Background: exactly white.</summary>
    internal static bool IsWhite(PlotColor c) => c.R == 255 && c.G == 255 && c.B == 255;

    /// <summary>Dark ink (text, axes): gray level below 128 with no hue.</summary>
    internal static bool IsDarkGray(PlotColor c) => c.R < 128 && Math.Abs(c.R - c.B) <= 2 && Math.Abs(c.R - c.G) <= 2;

    /// <summary>Rows of column <paramref name="x"/> holding line pixels, top to bottom.</summary>
    internal static List<int> LineRows(RenderedPlot plot, int x, int fromRow = 0, int toRow = -1)
    {
        if (toRow < 0) toRow = plot.Height;
        var rows = new List<int>();
        for (int y = fromRow; y < toRow; y++)
            if (IsLine(plot.GetPixel(x, y))) rows.Add(y);
        return rows;
    }
}
