using AnomSeer.Plotting.Rendering;

namespace AnomSeer.Plotting.Tests;

/// <summary>Tick choice against values matplotlib's default locator gives for the same view and bin count.</summary>
public class TickTests
{
    [Theory]
    [InlineData(0, 1000, 9, new[] { 0.0, 200, 400, 600, 800, 1000 })]
    [InlineData(-1, 1, 3, new[] { -1.0, 0, 1 })]
    [InlineData(0, 400, 9, new[] { 0.0, 50, 100, 150, 200, 250, 300, 350, 400 })]
    [InlineData(0, 1, 9, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(-49.95, 1048.95, 9, new[] { 0.0, 200, 400, 600, 800, 1000 })]
    [InlineData(0, 100000, 9, new[] { 0.0, 20000, 40000, 60000, 80000, 100000 })]
    [InlineData(9.5, 20.5, 3, new[] { 10.0, 15, 20 })]
    [InlineData(-1.1, 1.1, 2, new[] { -1.0, 0, 1 })]          // step 2 leaves one tick: fall back to the smaller step 1
    [InlineData(0.2, 0.9, 1, new[] { 0.25, 0.5, 0.75 })]     // steps 1 and 0.5 leave < 2 ticks in view
    public void Locator_matches_matplotlib(double vmin, double vmax, int bins, double[] expected)
    {
        var t = TickLocator.Ticks(vmin, vmax, bins);
        Assert.Equal(expected.Length, t.Length);
        for (int i = 0; i < t.Length; i++) Assert.Equal(expected[i], t[i], 9);
    }

    [Theory]
    [InlineData(new[] { -1.0, 0, 1 }, new[] { "\u22121", "0", "1" })]
    [InlineData(new[] { 0.0, 0.2, 0.4 }, new[] { "0.0", "0.2", "0.4" })]
    [InlineData(new[] { -0.5, -0.25, 0 }, new[] { "\u22120.50", "\u22120.25", "0.00" })]
    public void Formatter_uses_fewest_exact_decimals_and_unicode_minus(double[] ticks, string[] expected) =>
        Assert.Equal(expected, TickFormatter.Format(ticks));

    [Theory]
    [InlineData(667, 10, 3, 9)]   // a 9.3 in x-axis: matplotlib caps at 9 bins
    [InlineData(67, 10, 2, 3)]    // a 0.93 in y-axis
    [InlineData(5, 10, 3, 1)]
    public void Bin_count_follows_axis_length(double lengthPt, double fontPt, double factor, int expected) =>
        Assert.Equal(expected, TickLocator.BinsFor(lengthPt, fontPt, factor));
}
