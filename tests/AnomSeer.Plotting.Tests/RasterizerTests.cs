using AnomSeer.Plotting.Rendering;

namespace AnomSeer.Plotting.Tests;

/// <summary>The managed line rasteriser against the analytic distance-to-segment coverage.</summary>
public class RasterizerTests
{
    [Fact]
    public void Horizontal_segment_coverage_is_the_clamped_distance_profile()
    {
        var area = new PixelRect(0, 0, 40, 20);
        var mask = new float[area.Width * area.Height];
        var r = new PolylineRasterizer(area, lineWidth: 2.0, mask);
        r.MoveTo(5, 10.5);
        r.LineTo(35, 10.5);
        // Pixel centres are at row + 0.5; distance to the line is |row + 0.5 − 10.5|; coverage = clamp(1 + 0.5 − d, 0, 1).
        for (int row = 0; row < 20; row++)
        {
            double d = Math.Abs(row + 0.5 - 10.5);
            double expected = Math.Clamp(1.5 - d, 0, 1);
            Assert.Equal(expected, mask[row * 40 + 20], 6);
        }
        // Round cap: a pixel beyond the end is covered by distance to the end point.
        double capDistance = Math.Sqrt(Math.Pow(36.5 - 35, 2) + Math.Pow(10.5 - 10.5, 2));
        Assert.Equal(Math.Clamp(1.5 - capDistance, 0, 1), mask[10 * 40 + 36], 6);
        Assert.Equal(0, mask[10 * 40 + 38]);
    }

    [Fact]
    public void Joined_segments_take_the_maximum_not_the_sum()
    {
        var area = new PixelRect(0, 0, 30, 30);
        var mask = new float[900];
        var r = new PolylineRasterizer(area, 2.0, mask);
        r.MoveTo(2, 15.5);
        r.LineTo(15.5, 15.5);
        r.LineTo(28, 15.5);            // collinear continuation: identical to one segment
        var single = new float[900];
        var s = new PolylineRasterizer(area, 2.0, single);
        s.MoveTo(2, 15.5);
        s.LineTo(28, 15.5);
        Assert.Equal(single, mask);
        Assert.All(mask, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Without_antialiasing_the_line_has_only_the_line_colour()
    {
        var plot = new TimeSeriesPlotRenderer(new PlotOptions { Antialias = false }).Render(TestSeries.Noisy(1000, 9));
        var a = plot.Layout.PlotArea.Inflate(-2);
        for (int y = a.Top; y < a.Bottom; y++)
        for (int x = a.Left; x < a.Right; x++)
        {
            var c = plot.GetPixel(x, y);
            Assert.True(PixelProbe.IsWhite(c) || c == PlotColor.SteelBlue, $"pixel ({x}, {y}) is {c}");
        }
    }
}
