namespace AnomSeer.Plotting.Tests;

public class EdgeCaseTests
{
    [Fact]
    public void A_single_point_renders_axes_without_a_line()
    {
        var plot = new TimeSeriesPlotRenderer().Render(new[] { 0.3 });
        Assert.Equal(1, plot.Layout.SeriesLength);
        Assert.Equal((0.0, 1.0), (plot.Layout.XTicks[0].Value, plot.Layout.XTicks[^1].Value));
        var a = plot.Layout.PlotArea;
        for (int x = a.Left + 2; x < a.Right - 2; x += 5)
            Assert.Empty(PixelProbe.LineRows(plot, x, a.Top, a.Bottom));
    }

    [Fact]
    public void Constant_series_in_auto_mode_gets_a_nonzero_range()
    {
        var panel = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).ComputeLayout(Enumerable.Repeat(4.0, 50).ToArray()).Panels[0];
        Assert.True(panel.YMin < 4 && panel.YMax > 4);
        Assert.Equal(4.0, (panel.YMin + panel.YMax) / 2, 9);
        var zero = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).ComputeLayout(new double[50]).Panels[0];
        Assert.True(zero.YMin < 0 && zero.YMax > 0);
    }

    [Fact]
    public void All_missing_values_draw_nothing_in_fixed_mode_and_throw_in_auto_mode()
    {
        var nan = Enumerable.Repeat(double.NaN, 100).ToArray();
        var plot = new TimeSeriesPlotRenderer().Render(nan);
        var a = plot.Layout.PlotArea;
        for (int x = a.Left; x < a.Right; x++) Assert.Empty(PixelProbe.LineRows(plot, x, a.Top, a.Bottom));
        var ex = Assert.Throws<ArgumentException>(() => new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).Render(nan));
        Assert.Equal("values", ex.ParamName);
    }

    [Fact]
    public void Huge_values_are_clipped_not_rejected()
    {
        var values = TestSeries.Sine(1000);
        values[500] = 1e300;
        values[501] = -1e300;
        var plot = new TimeSeriesPlotRenderer().Render(values);
        var a = plot.Layout.PlotArea;
        int x = (int)Math.Floor(plot.Layout.IndexToPixelX(500.5));
        var rows = PixelProbe.LineRows(plot, x, a.Top, a.Bottom);
        Assert.True(rows.Min() <= a.Top + 1 && rows.Max() >= a.Bottom - 2, "the jump from +1e300 to −1e300 crosses the whole plot area");
    }
}
