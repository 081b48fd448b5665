namespace AnomSeer.Plotting.Tests;

public class DecimationTests
{
    [Theory]
    [InlineData(0, 0.9)]
    [InlineData(123_457, 0.9)]
    [InlineData(500_001, -0.8)]
    [InlineData(999_999, 0.95)]
    public void Single_point_spike_in_a_million_points_is_visible(int index, double spike)
    {
        var values = new double[1_000_000];
        var r = new Random(5);
        for (int i = 0; i < values.Length; i++) values[i] = 0.05 * (r.NextDouble() - 0.5);
        values[index] = spike;
        var plot = new TimeSeriesPlotRenderer().Render(values);
        var layout = plot.Layout;
        Assert.True(layout.IsDecimated);
        var a = layout.PlotArea;
        int x = Math.Min((int)Math.Floor(layout.IndexToPixelX(index)), a.Right - 1);
        int spikeRow = (int)Math.Floor(layout.ValueToPixelY(spike));
        var rows = PixelProbe.LineRows(plot, x, a.Top, a.Bottom);
        Assert.Contains(rows, y => Math.Abs(y - spikeRow) <= 1);
        // Only that column (and its neighbours, through line width) reaches so far from zero.
        int zeroRow = (int)Math.Floor(layout.ValueToPixelY(0));
        for (int cx = a.Left + 1; cx < a.Right - 1; cx++)
        {
            if (Math.Abs(cx - x) <= 2) continue;
            Assert.All(PixelProbe.LineRows(plot, cx, a.Top, a.Bottom), y => Assert.InRange(y, zeroRow - 4, zeroRow + 4));
        }
    }

    [Fact]
    public void Short_series_are_drawn_point_by_point()
    {
        Assert.False(new TimeSeriesPlotRenderer().ComputeLayout(new double[1000]).IsDecimated);
        Assert.True(new TimeSeriesPlotRenderer().ComputeLayout(new double[5000]).IsDecimated);
    }
}
