namespace AnomSeer.Plotting.Tests;

public class MultivariateTests
{
    [Fact]
    public void One_stacked_panel_per_channel_sharing_the_x_axis()
    {
        double[] levels = [0.5, -0.5, 0.0];
        var channels = levels.Select(l => Enumerable.Repeat(l, 600).ToArray()).ToArray();
        var plot = new TimeSeriesPlotRenderer(new PlotOptions { Height = 360 }).RenderMultivariate(channels);
        var layout = plot.Layout;
        Assert.Equal(3, layout.Panels.Count);
        for (int c = 0; c < 3; c++)
        {
            var p = layout.Panels[c];
            Assert.Equal(c, p.Channel);
            Assert.Equal((layout.PlotArea.Left, layout.PlotArea.Right), (p.PlotArea.Left, p.PlotArea.Right));
            if (c > 0) Assert.True(p.PlotArea.Top > layout.Panels[c - 1].PlotArea.Bottom, "panels overlap");

            // Each channel's level line is in its own panel at the mapped row, and nowhere else in the column.
            int x = (int)Math.Floor(layout.IndexToPixelX(300));
            int row = (int)Math.Floor(layout.ValueToPixelY(levels[c], c));
            var rows = PixelProbe.LineRows(plot, x, p.PlotArea.Top, p.PlotArea.Bottom);
            Assert.NotEmpty(rows);
            Assert.All(rows, y => Assert.InRange(y, row - 2, row + 2));
        }
        int col = (int)Math.Floor(layout.IndexToPixelX(300));
        Assert.Equal(3, PixelProbe.LineRows(plot, col).GroupBy(y => layout.Panels.Single(p => y >= p.PlotArea.Top && y < p.PlotArea.Bottom).Channel).Count());
        // x tick labels only under the bottom panel.
        Assert.All(layout.XTicks, t => Assert.True(t.LabelBounds.Top > layout.Panels[2].PlotArea.Bottom));
    }

    [Fact]
    public void Y_labels_of_neighbouring_panels_do_not_overlap()
    {
        // Fixed (−1, 1) puts a label on both edges of every panel: the worst case for stacked panels.
        var channels = Enumerable.Range(0, 4).Select(c => TestSeries.Sine(500, 0.5, 0.01, c)).ToArray();
        var layout = new TimeSeriesPlotRenderer(new PlotOptions { Height = 400 }).ComputeLayout(channels);
        var boxes = layout.Panels.SelectMany(p => p.YTicks).Select(t => t.LabelBounds.Inflate(-1)).ToList();
        Assert.Equal(12, boxes.Count);
        for (int i = 0; i < boxes.Count; i++)
        for (int j = i + 1; j < boxes.Count; j++)
        {
            var (a, b) = (boxes[i], boxes[j]);
            bool overlap = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
            Assert.False(overlap, $"labels {a} and {b} overlap");
        }
    }

    [Fact]
    public void Too_many_channels_for_the_height_throw()
    {
        var channels = Enumerable.Range(0, 40).Select(_ => new double[100]).ToArray();
        Assert.Throws<ArgumentException>(() => new TimeSeriesPlotRenderer().RenderMultivariate(channels));
    }
}
