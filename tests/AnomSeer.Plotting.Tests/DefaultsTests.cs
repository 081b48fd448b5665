namespace AnomSeer.Plotting.Tests;

public class DefaultsTests
{
    [Fact]
    public void Defaults_are_the_papers_figure_settings()
    {
        var o = new PlotOptions();
        Assert.Equal(1000, o.Width);          // figsize 10 in × 100 dpi (spec c.1)
        Assert.Equal(150, o.Height);          // figsize 1.5 in × 100 dpi
        Assert.Equal(PlotColor.Parse("#4682B4"), o.LineColor);
        Assert.Equal(1.5, o.LineWidthPoints);
        Assert.Equal(YAxisMode.Fixed, o.YAxisMode);
        Assert.Equal((-1.0, 1.0), (o.YMin, o.YMax));
        Assert.True(o.ShowTickLabels);
        Assert.False(o.ShadeIntervals);       // shading leaks labels (spec c.1, g.5)
        Assert.Null(o.FontFile);
    }

    [Fact]
    public void Default_image_is_1000_by_150_with_matplotlib_ticks()
    {
        var plot = new TimeSeriesPlotRenderer().Render(TestSeries.Sine(1000));
        Assert.Equal((1000, 150), (plot.Width, plot.Height));
        Assert.Equal(1000 * 150 * 4, plot.Rgba.Length);
        Assert.Equal(new[] { 0.0, 200, 400, 600, 800, 1000 }, plot.Layout.XTicks.Select(t => t.Value));
        Assert.Equal(new[] { "0", "200", "400", "600", "800", "1000" }, plot.Layout.XTicks.Select(t => t.Label));
        Assert.Equal(new[] { "\u22121", "0", "1" }, plot.Layout.Panels[0].YTicks.Select(t => t.Label));
    }

    [Fact]
    public void Vta_length_400_gets_ticks_every_50()
    {
        var layout = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).ComputeLayout(TestSeries.Sine(400, 1.5));
        Assert.Equal(Enumerable.Range(0, 9).Select(k => 50.0 * k), layout.XTicks.Select(t => t.Value));
    }

    [Theory]
    [InlineData(nameof(PlotOptions.Width))]
    [InlineData(nameof(PlotOptions.Height))]
    [InlineData(nameof(PlotOptions.LineWidthPoints))]
    [InlineData(nameof(PlotOptions.PngCompressionLevel))]
    [InlineData(nameof(PlotOptions.YMin))]
    [InlineData(nameof(PlotOptions.BackgroundColor))]
    public void Invalid_options_throw_naming_the_property(string property)
    {
        var o = property switch
        {
            nameof(PlotOptions.Width) => new PlotOptions { Width = 0 },
            nameof(PlotOptions.Height) => new PlotOptions { Height = -3 },
            nameof(PlotOptions.LineWidthPoints) => new PlotOptions { LineWidthPoints = double.NaN },
            nameof(PlotOptions.PngCompressionLevel) => new PlotOptions { PngCompressionLevel = 10 },
            nameof(PlotOptions.BackgroundColor) => new PlotOptions { BackgroundColor = PlotColor.White.WithOpacity(0.5) },
            _ => new PlotOptions { YMin = 1, YMax = 1 },
        };
        var ex = Assert.ThrowsAny<ArgumentException>(() => new TimeSeriesPlotRenderer(o));
        Assert.Equal(property, ex.ParamName);
    }

    [Fact]
    public void Colours_parse_and_format()
    {
        Assert.Equal(new PlotColor(0x46, 0x82, 0xB4), PlotColor.Parse("4682b4"));
        Assert.Equal(new PlotColor(1, 2, 3, 4), PlotColor.Parse("#01020304"));
        Assert.Equal("#4682B4", PlotColor.SteelBlue.ToString());
        Assert.Equal(51, PlotColor.SteelBlue.WithOpacity(0.2).A);
        Assert.Throws<FormatException>(() => PlotColor.Parse("#12345"));
    }
}
