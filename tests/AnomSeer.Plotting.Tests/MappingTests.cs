namespace AnomSeer.Plotting.Tests;

/// <summary>The drawn line sits where the exposed index/value → pixel mapping says.</summary>
public class MappingTests
{
    private static readonly TimeSeriesPlotRenderer Renderer = new();

    [Fact]
    public void Mapping_is_linear_over_the_plot_area_from_0_to_N()
    {
        var layout = Renderer.ComputeLayout(TestSeries.Sine(1000));
        var a = layout.PlotArea;
        Assert.Equal(a.Left, layout.IndexToPixelX(0), 9);
        Assert.Equal(a.Right, layout.IndexToPixelX(1000), 9);
        Assert.Equal(a.Left + 0.25 * a.Width, layout.IndexToPixelX(250), 9);
        Assert.Equal(a.Bottom, layout.ValueToPixelY(-1), 9);
        Assert.Equal(a.Top, layout.ValueToPixelY(1), 9);
        Assert.Equal(437.5, layout.PixelXToIndex(layout.IndexToPixelX(437.5)), 9);
        // The x ticks are drawn where the mapping puts their values.
        foreach (var t in layout.XTicks) Assert.Equal(layout.IndexToPixelX(t.Value), t.Pixel, 6);
        // tight_layout-like: the plot area fills most of the figure, inside the padding.
        Assert.InRange(a.Left, 20, 80);
        Assert.InRange(a.Right, 930, 990);
        Assert.InRange(a.Top, 10, 30);
        Assert.InRange(a.Bottom, 100, 125);
    }

    [Theory]
    [InlineData(37)]
    [InlineData(250)]
    [InlineData(501)]
    [InlineData(777)]
    [InlineData(960)]
    public void Line_passes_through_the_predicted_pixel(int index)
    {
        var values = TestSeries.Sine(1000, amplitude: 0.7, frequency: 0.003);
        var plot = Renderer.Render(values);
        int x = (int)Math.Floor(plot.Layout.IndexToPixelX(index));
        int y = (int)Math.Floor(plot.Layout.ValueToPixelY(values[index]));
        Assert.True(PixelProbe.IsLine(plot.GetPixel(x, y)), $"pixel ({x}, {y}) is {plot.GetPixel(x, y)}, not the line colour");
        // And the line is thin there: its pixels in that column stay within the line width of the predicted row.
        var rows = PixelProbe.LineRows(plot, x, plot.Layout.PlotArea.Top, plot.Layout.PlotArea.Bottom);
        Assert.All(rows, r => Assert.InRange(r, y - 3, y + 3));
    }

    [Fact]
    public void Every_column_of_a_slow_wave_has_its_line_at_the_mapped_row()
    {
        var values = TestSeries.Sine(1000, amplitude: 0.8, frequency: 0.002);
        var plot = Renderer.Render(values);
        var layout = plot.Layout;
        for (int i = 5; i < 995; i += 5)
        {
            int x = (int)Math.Floor(layout.IndexToPixelX(i + 0.5));
            double expectedY = layout.ValueToPixelY(values[i]);
            var rows = PixelProbe.LineRows(plot, x, layout.PlotArea.Top, layout.PlotArea.Bottom);
            Assert.NotEmpty(rows);
            Assert.InRange(rows.Average() + 0.5, expectedY - 2, expectedY + 2);
        }
    }

    [Fact]
    public void Spike_column_reaches_the_top_of_the_data_range()
    {
        var values = new double[1000];
        values[437] = 1.0;                                  // exactly the fixed upper y limit
        var plot = Renderer.Render(values);
        var layout = plot.Layout;
        int x = (int)Math.Floor(layout.IndexToPixelX(437));
        var rows = PixelProbe.LineRows(plot, x, layout.PlotArea.Top, layout.PlotArea.Bottom);
        Assert.NotEmpty(rows);
        Assert.InRange(rows.Min(), layout.PlotArea.Top, layout.PlotArea.Top + 1);
        // Far from the spike the line stays on the zero row.
        int zeroRow = (int)Math.Floor(layout.ValueToPixelY(0));
        int far = (int)Math.Floor(layout.IndexToPixelX(100));
        Assert.All(PixelProbe.LineRows(plot, far, layout.PlotArea.Top, layout.PlotArea.Bottom), r => Assert.InRange(r, zeroRow - 2, zeroRow + 2));
    }

    [Fact]
    public void Auto_y_range_is_the_data_range_with_5_percent_margin()
    {
        var values = Enumerable.Range(0, 500).Select(t => 10 + 10 * (t % 100) / 99.0).ToArray();
        var plot = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).Render(values);
        var panel = plot.Layout.Panels[0];
        Assert.Equal(9.5, panel.YMin, 12);
        Assert.Equal(20.5, panel.YMax, 12);
        Assert.Equal(new[] { "10", "15", "20" }, panel.YTicks.Select(t => t.Label));
        // The maximum (20) is drawn at 1/22 of the height below the top.
        int x = (int)Math.Floor(plot.Layout.IndexToPixelX(99));
        int y = (int)Math.Floor(panel.ValueToPixelY(20));
        Assert.InRange(y - panel.PlotArea.Top, 3, 6);
        Assert.Contains(PixelProbe.LineRows(plot, x, panel.PlotArea.Top, panel.PlotArea.Bottom), r => Math.Abs(r - y) <= 1);
    }

    [Fact]
    public void NaN_leaves_a_gap_in_the_line()
    {
        var values = new double[1000];
        for (int i = 400; i < 500; i++) values[i] = double.NaN;
        var plot = Renderer.Render(values);
        var a = plot.Layout.PlotArea;
        for (int i = 410; i < 490; i += 7)
            Assert.Empty(PixelProbe.LineRows(plot, (int)Math.Floor(plot.Layout.IndexToPixelX(i)), a.Top, a.Bottom));
        Assert.NotEmpty(PixelProbe.LineRows(plot, (int)Math.Floor(plot.Layout.IndexToPixelX(300)), a.Top, a.Bottom));
    }

    [Fact]
    public void Invalid_series_throw_naming_the_argument()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Renderer.Render(Array.Empty<double>())).ParamName);
        var inf = new double[10];
        inf[3] = double.PositiveInfinity;
        var ex = Assert.Throws<ArgumentException>(() => Renderer.Render(inf));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 3", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Renderer.Render(new double[10], [new AnomalyInterval(5, 11)]));
        Assert.Throws<ArgumentException>(() => Renderer.RenderMultivariate([new double[10], new double[9]]));
    }
}
