using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class DominantPeriodTests
{
    [Theory]
    [InlineData(100, 0.1, 10.0)]
    [InlineData(100, 0.03, 100.0 / 3)]
    [InlineData(64, 0.25, 4.0)]
    public void A_pure_sine_has_its_own_period(int n, double frequency, double expected)
        => Assert.Equal(expected, DominantPeriod.Of(TestSeries.Sine(n, frequency, 2.0, 0.3)), 10);

    [Fact]
    public void Constant_and_short_windows_have_infinite_period()
    {
        Assert.Equal(double.PositiveInfinity, DominantPeriod.Of(Enumerable.Repeat(0.7, 50).ToArray()));
        Assert.Equal(double.PositiveInfinity, DominantPeriod.Of([1, 2, 3, 1, 2, 3, 1]));
    }

    [Fact]
    public void Single_window_equals_a_naive_dft_with_mean_removed()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var w = TestSeries.Gaussian(37 + seed * 5, 1.0, seed);
            Assert.Equal(NaivePeriod(w).Period, DominantPeriod.Of(w));
        }
    }

    [Fact]
    public void Sliding_scan_has_L_minus_w_windows_and_equals_the_naive_period_of_each()
    {
        // Mixed signal: sine, a faster stretch, a constant stretch and noise, so many periods occur.
        int n = 420, w = 100;
        var x = TestSeries.Add(TestSeries.Sine(n, 0.03), TestSeries.Gaussian(n, 0.2, 5));
        for (int i = 150; i < 190; i++) x[i] = Math.Sin(2 * Math.PI * 0.09 * i);
        for (int i = 260; i < 380; i++) x[i] = 0.25;
        var periods = DominantPeriod.Sliding(x, w);
        Assert.Equal(n - w, periods.Length);
        int compared = 0;
        for (int i = 0; i < periods.Length; i++)
        {
            var (naive, margin) = NaivePeriod(x.AsSpan(i, w).ToArray());
            // Windows whose two strongest bins tie (a lone step into a flat stretch has a flat spectrum) have no
            // well-defined arg-max in floating point, in numpy either; compare the others.
            if (margin < 1e-9) continue;
            compared++;
            Assert.True(naive == periods[i], $"window {i}: naive {naive}, sliding {periods[i]}");
        }
        Assert.True(compared > 300, $"only {compared} windows compared");
        Assert.Equal(n - w + 1, DominantPeriod.Sliding(x, w, includeLastWindow: true).Length);
        Assert.Equal(double.PositiveInfinity, periods[270]); // window 270..369 lies in the constant stretch
    }

    [Fact]
    public void Sliding_rejects_a_window_longer_than_the_series()
        => Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => DominantPeriod.Sliding(new double[10], 11)).ParamName);

    // |DFT|² by the definition, DC zeroed, first arg-max; flat windows -> ∞ (the documented convention).
    // Margin: relative gap between the strongest and the second strongest bin.
    private static (double Period, double Margin) NaivePeriod(double[] y)
    {
        int n = y.Length;
        if (n < 8 || y.All(v => v == y[0])) return (double.PositiveInfinity, 1);
        double mean = y.Average();
        var power = new double[n / 2 + 1];
        for (int k = 1; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            for (int t = 0; t < n; t++)
            {
                re += (y[t] - mean) * Math.Cos(2 * Math.PI * k * t / n);
                im -= (y[t] - mean) * Math.Sin(2 * Math.PI * k * t / n);
            }
            power[k] = re * re + im * im;
        }
        int best = 0;
        for (int k = 1; k <= n / 2; k++) if (power[k] > power[best]) best = k;
        double second = power.Where((p, k) => k != best).Max();
        double margin = power[best] > 0 ? (power[best] - second) / power[best] : 1;
        return (best == 0 ? double.PositiveInfinity : (double)n / best, margin);
    }
}
