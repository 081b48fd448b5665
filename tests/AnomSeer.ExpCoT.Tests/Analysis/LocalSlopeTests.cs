using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class LocalSlopeTests
{
    [Fact]
    public void A_period_long_moving_average_cancels_the_sine_and_leaves_the_exact_slope()
    {
        // x = 0.01 t + sin(2π t / 20): the 20-point average of the sine is 0, so every local slope is 0.01.
        var x = new double[300];
        for (int t = 0; t < x.Length; t++) x[t] = 0.01 * t + Math.Sin(2 * Math.PI * t / 20);
        var s = LocalSlope.Compute(x, 20, 50);
        Assert.Equal(300 - 20 - 50 + 2, s.Length);
        Assert.All(s, v => Assert.Equal(0.01, v, 10));
    }

    [Fact]
    public void Slopes_equal_a_direct_least_squares_fit_of_the_moving_average()
    {
        var x = TestSeries.Gaussian(200, 1.0, 8);
        int p = 7, w = 30;
        var s = LocalSlope.Compute(x, p, w);
        var avg = Enumerable.Range(0, x.Length - p + 1).Select(t => x.Skip(t).Take(p).Average()).ToArray();
        for (int t = 0; t < s.Length; t++)
        {
            var y = avg.Skip(t).Take(w).ToArray();
            double ubar = (w - 1) / 2.0, ybar = y.Average();
            double slope = Enumerable.Range(0, w).Sum(u => (u - ubar) * (y[u] - ybar)) / Enumerable.Range(0, w).Sum(u => (u - ubar) * (u - ubar));
            Assert.Equal(slope, s[t], 12);
        }
    }

    [Fact]
    public void Slope_shift_expert_finds_a_steeper_stretch_under_a_large_sine()
    {
        // AnomLLM-like trend: sine of period 50 plus slope 3/1000, slope 15/1000 in [400, 550).
        var x = new double[1000];
        double level = 0;
        for (int t = 0; t < 1000; t++)
        {
            level += (t >= 400 && t < 550 ? 15.0 : 3.0) / 1000;
            x[t] = Math.Sin(2 * Math.PI * t / 50) + level;
        }
        var f = SlopeShiftExpert.Run(x, 50, 100, 6.0, 0.1);
        Assert.Equal(ExpertKind.Trend, f.Kind);
        Assert.NotEmpty(f.Intervals);
        Assert.All(f.Intervals, iv => Assert.True(iv.Overlaps(new AnomalyInterval(400, 550)), iv.ToString()));
        Assert.Equal(0.003, f.Metrics["median_slope"], 6);

        var normal = SlopeShiftExpert.Run(x.Select((v, t) => Math.Sin(2 * Math.PI * t / 50) + 0.003 * t).ToArray(), 50, 100, 6.0, 0.1);
        Assert.Empty(normal.Intervals);
        Assert.True(normal.Metrics["max_slope_deviation_sigma"] < 1e-6);
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => LocalSlope.Compute(new double[10], 0, 3)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => LocalSlope.Compute(new double[10], 5, 7)).ParamName);
        Assert.False(SlopeShiftExpert.Run(new double[50], 20, 40, 6, 0.1).Applicable);
    }
}
