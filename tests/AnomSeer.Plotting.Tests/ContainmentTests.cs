namespace AnomSeer.Plotting.Tests;

/// <summary>Nothing but axes, ticks and labels is drawn outside the plot area; labels are really there.</summary>
public class ContainmentTests
{
    [Fact]
    public void Nothing_outside_the_plot_area_except_axes_ticks_and_labels()
    {
        // Values far beyond the fixed (−1, 1) range in both directions exercise the clipping.
        var values = Enumerable.Range(0, 1000).Select(t => 5 * Math.Sin(t * 0.07)).ToArray();
        var renderer = new TimeSeriesPlotRenderer();
        var plot = renderer.Render(values);
        var layout = plot.Layout;
        var a = layout.PlotArea;
        double tickLen = renderer.Options.TickLengthPoints * renderer.Options.Dpi / 72;

        bool Allowed(int x, int y)
        {
            if (a.Inflate(1).Contains(x, y)) return true;                         // plot area and its frame
            foreach (var t in layout.XTicks)
            {
                if (t.LabelBounds.Contains(x, y)) return true;
                if (Math.Abs(x + 0.5 - t.Pixel) <= 1.5 && y >= a.Bottom && y <= a.Bottom + tickLen + 1) return true;
            }
            foreach (var t in layout.Panels[0].YTicks)
            {
                if (t.LabelBounds.Contains(x, y)) return true;
                if (Math.Abs(y + 0.5 - t.Pixel) <= 1.5 && x <= a.Left && x >= a.Left - tickLen - 1) return true;
            }
            return false;
        }

        int bluishOutside = 0, strayInk = 0;
        for (int y = 0; y < plot.Height; y++)
        for (int x = 0; x < plot.Width; x++)
        {
            var c = plot.GetPixel(x, y);
            if (!a.Contains(x, y) && PixelProbe.IsBluish(c)) bluishOutside++;
            if (!PixelProbe.IsWhite(c) && !Allowed(x, y)) strayInk++;
        }
        Assert.Equal(0, bluishOutside);
        Assert.Equal(0, strayInk);
        // The clipped line does reach the plot-area edges (so the test above really had something to clip).
        int crossingsTop = 0, crossingsBottom = 0;
        for (int x = a.Left; x < a.Right; x++)
        {
            var rows = PixelProbe.LineRows(plot, x, a.Top, a.Bottom);
            if (rows.Count > 0 && rows.Min() <= a.Top + 1) crossingsTop++;
            if (rows.Count > 0 && rows.Max() >= a.Bottom - 2) crossingsBottom++;
        }
        Assert.True(crossingsTop >= 10 && crossingsBottom >= 10, $"line meets the top edge in {crossingsTop} columns, the bottom in {crossingsBottom}");
    }

    [Fact]
    public void Tick_labels_have_ink_in_the_label_strip()
    {
        var plot = new TimeSeriesPlotRenderer().Render(TestSeries.Sine(1000));
        var a = plot.Layout.PlotArea;
        foreach (var t in plot.Layout.XTicks.Concat(plot.Layout.Panels[0].YTicks))
        {
            Assert.False(t.LabelBounds.IsEmpty);
            int dark = 0;
            for (int y = t.LabelBounds.Top; y < t.LabelBounds.Bottom; y++)
            for (int x = t.LabelBounds.Left; x < t.LabelBounds.Right; x++)
                if (plot.GetPixel(x, y).R < 100) dark++;
            Assert.True(dark >= 6 * t.Label.Length, $"label '{t.Label}' has only {dark} dark pixels");
        }
        // The x labels sit in the strip below the plot area, the y labels left of it.
        Assert.All(plot.Layout.XTicks, t => Assert.True(t.LabelBounds.Top > a.Bottom && t.LabelBounds.Bottom <= plot.Height));
        Assert.All(plot.Layout.Panels[0].YTicks, t => Assert.True(t.LabelBounds.Right <= a.Left && t.LabelBounds.Left >= 0));
    }

    [Fact]
    public void Labels_differ_by_text_so_glyphs_are_really_drawn()
    {
        var plot = new TimeSeriesPlotRenderer().Render(TestSeries.Sine(1000));
        // "200" and "400" have the same width but different glyphs: their ink patterns must differ.
        var t200 = plot.Layout.XTicks[1];
        var t400 = plot.Layout.XTicks[2];
        int w = Math.Min(t200.LabelBounds.Width, t400.LabelBounds.Width), h = Math.Min(t200.LabelBounds.Height, t400.LabelBounds.Height);
        int differing = 0;
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (Math.Abs(plot.GetPixel(t200.LabelBounds.Left + x, t200.LabelBounds.Top + y).R - plot.GetPixel(t400.LabelBounds.Left + x, t400.LabelBounds.Top + y).R) > 64)
                differing++;
        Assert.True(differing > 10, $"only {differing} pixels differ between '200' and '400'");
    }

    [Fact]
    public void Hidden_labels_leave_the_strip_white()
    {
        var plot = new TimeSeriesPlotRenderer(new PlotOptions { ShowTickLabels = false }).Render(TestSeries.Sine(1000));
        var a = plot.Layout.PlotArea;
        Assert.All(plot.Layout.XTicks, t => Assert.True(t.LabelBounds.IsEmpty));
        double tickLen = 3.5 * 100 / 72;
        for (int y = (int)Math.Ceiling(a.Bottom + tickLen + 2); y < plot.Height; y++)
        for (int x = 0; x < plot.Width; x++)
            Assert.True(PixelProbe.IsWhite(plot.GetPixel(x, y)));
    }
}
