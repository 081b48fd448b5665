namespace AnomSeer.Plotting.Tests;

public class ShadingTests
{
    private static readonly AnomalyInterval[] Truth = [new(200, 260), new(700, 701)];

    [Fact]
    public void Intervals_are_not_drawn_by_default()
    {
        var values = TestSeries.Sine(1000);
        var renderer = new TimeSeriesPlotRenderer();
        Assert.Equal(renderer.Render(values).Rgba.ToArray(), renderer.Render(values, Truth).Rgba.ToArray());
    }

    [Fact]
    public void Shading_when_enabled_covers_exactly_the_interval_columns()
    {
        var values = new double[1000];   // the line sits on row y(0); probe well above it
        var o = new PlotOptions { ShadeIntervals = true };
        var plot = new TimeSeriesPlotRenderer(o).Render(values, Truth);
        var layout = plot.Layout;
        int y = (int)Math.Floor(layout.ValueToPixelY(0.6));
        // Steelblue at opacity 51/255 over white, blended per channel.
        double alpha = o.ShadeColor.A / 255.0;
        var expected = new PlotColor((byte)Math.Round(255 - alpha * (255 - 0x46)), (byte)Math.Round(255 - alpha * (255 - 0x82)), (byte)Math.Round(255 - alpha * (255 - 0xB4)));
        int inside = (int)Math.Floor(layout.IndexToPixelX(230));
        var c = plot.GetPixel(inside, y);
        Assert.InRange(c.R, expected.R - 2, expected.R + 2);
        Assert.InRange(c.G, expected.G - 2, expected.G + 2);
        Assert.InRange(c.B, expected.B - 2, expected.B + 2);
        // Just outside the interval edges: background.
        Assert.True(PixelProbe.IsWhite(plot.GetPixel((int)Math.Floor(layout.IndexToPixelX(200)) - 2, y)));
        Assert.True(PixelProbe.IsWhite(plot.GetPixel((int)Math.Ceiling(layout.IndexToPixelX(260)) + 1, y)));
        Assert.True(PixelProbe.IsWhite(plot.GetPixel((int)Math.Floor(layout.IndexToPixelX(500)), y)));
        // A one-step interval [700, 701) is still marked.
        Assert.True(PixelProbe.IsBluish(plot.GetPixel((int)Math.Floor(layout.IndexToPixelX(700.5)), y)));
    }
}
