using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

public class VtaGeneratorTests
{
    // Without noise the base signal is known in closed form, so each injection can be checked exactly.
    private static readonly VtaGenerator Clean = new(new VtaSuiteOptions { NoiseAmplitude = 0, ShapeletNoiseAmplitude = 0 });

    // sin(2π·frac(f·t)): reducing the phase first makes sin(2π·k) exactly 0, as the generator's exact reduction does.
    private static double Base(int t, double f = 0.04) => 1.5 * Math.Sin(2 * Math.PI * (f * t - Math.Round(f * t)));

    [Fact]
    public void Global_outliers_follow_the_rule_and_are_one_wide()
    {
        for (int i = 0; i < 20; i++)
        {
            var s = Clean.Generate(VtaType.Global, 7, i);
            double max = Enumerable.Range(0, 400).Max(t => Base(t)), min = Enumerable.Range(0, 400).Min(t => Base(t));
            Assert.InRange(s.Intervals.Count, 1, 20);
            Assert.All(s.Intervals, iv => Assert.Equal(1, iv.Length));
            Assert.Equal(AnomalyClass.GlobalPoint, s.Class);
            for (int t = 0; t < 400; t++)
            {
                if (s.Intervals.Any(iv => iv.Start == t))
                {
                    int lo = Math.Max(0, t - 5), hi = Math.Min(t + 5, 400);
                    var w = Enumerable.Range(lo, hi - lo).Select(k => Base(k)).ToArray();
                    double mean = w.Average(), std = Math.Sqrt(w.Select(v => (v - mean) * (v - mean)).Average());
                    double v = Base(t) * 3.5 * std;
                    if (v >= 0 && v < max) v = max;
                    if (v < 0 && v > min) v = min;
                    Assert.Equal(v, s.Values[t], 1e-9);
                }
                else Assert.Equal(Base(t), s.Values[t], 1e-12);
            }
        }
    }

    [Fact]
    public void Contextual_outliers_stay_within_the_range()
    {
        for (int i = 0; i < 20; i++)
        {
            var s = Clean.Generate(VtaType.Contextual, 7, i);
            Assert.Equal(AnomalyClass.ContextualPoint, s.Class);
            Assert.All(s.Intervals, iv => Assert.Equal(1, iv.Length));
            foreach (var iv in s.Intervals) Assert.InRange(s.Values[iv.Start], -1.5, 1.5);
        }
    }

    [Fact]
    public void Seasonal_windows_run_at_three_times_the_frequency()
    {
        var s = Clean.Generate(VtaType.Seasonal, 3, 1);
        Assert.Equal(AnomalyClass.Seasonal, s.Class);
        Assert.InRange(s.Intervals.Sum(iv => iv.Length), 5, 20);
        for (int t = 0; t < 400; t++)
        {
            bool inside = s.Intervals.Any(iv => iv.Contains(t));
            Assert.Equal(inside ? Base(t, 0.12) : Base(t), s.Values[t], 1e-12);
        }
    }

    [Fact]
    public void Trend_windows_ramp_and_shift_all_later_points()
    {
        for (int i = 0; i < 10; i++)
        {
            var s = Clean.Generate(VtaType.Trend, 11, i);
            var d = Enumerable.Range(0, 400).Select(t => s.Values[t] - Base(t)).ToArray();
            Assert.Equal(0.0, d[0..s.Intervals[0].Start].Select(Math.Abs).DefaultIfEmpty().Max(), 1e-12);
            // Right after the last window the offset is a sum of ±4.5 shifts (when no window is clipped at 0).
            var last = s.Intervals[^1];
            if (last.End < 400 && s.Intervals[0].Start > 0)
                Assert.Equal(0.0, Math.IEEERemainder(d[last.End], 4.5), 1e-9);
            // Within a non-overlapped 10-point window the offset grows by ±0.5 per step.
            var first = s.Intervals[0];
            if (first.Length == 10 && first.Start > 0)
                for (int t = first.Start + 1; t < first.End; t++) Assert.Equal(0.5, Math.Abs(d[t] - d[t - 1]), 1e-9);
        }
    }

    [Fact]
    public void Shapelet_windows_hold_the_square_wave()
    {
        var s = Clean.Generate(VtaType.Shapelet, 5, 2);
        for (int t = 0; t < 400; t++)
        {
            double sq = 0;
            for (int k = 0; k < 20; k++) sq += 1.0 / (2 * k + 1) * 1.5 * Math.Sin(2 * Math.PI * 0.04 * (2 * k + 1) * t);
            bool inside = s.Intervals.Any(iv => iv.Contains(t));
            Assert.Equal(inside ? sq : Base(t), s.Values[t], 1e-9);
        }
    }

    [Fact]
    public void Seasonal_quirk_is_off_by_default_and_multiplies_the_frequency_by_three_per_series()
    {
        var quirk = new VtaGenerator(new VtaSuiteOptions { NoiseAmplitude = 0, SeasonalFrequencyQuirk = true });
        var s = quirk.Generate(VtaType.Seasonal, 3, 2); // base 0.04·9, anomaly 0.04·27
        double f = 0.04 * 3 * 3;
        for (int t = 0; t < 400; t++)
        {
            bool inside = s.Intervals.Any(iv => iv.Contains(t));
            double ff = inside ? f * 3 : f;
            Assert.Equal(1.5 * Math.Sin(2 * Math.PI * ff * t), s.Values[t], 1e-9);
        }
        // Far along the split the argument is huge; the value is the exactly reduced sine of that double.
        var far = quirk.Generate(VtaType.Seasonal, 3, 60);
        double f60 = 0.04;
        for (int k = 0; k < 60; k++) f60 *= 3;
        int tt = far.Intervals.Any(iv => iv.Contains(399)) ? 0 : 399;
        Assert.Equal(1.5 * Math.Sin(6.283185307179586 * f60 * tt), far.Values[tt], 1e-12);
        // Default: no quirk, series 2 uses the plain 0.04.
        var plain = Clean.Generate(VtaType.Seasonal, 3, 2);
        int n = Enumerable.Range(0, 400).First(t => !plain.Intervals.Any(iv => iv.Contains(t)) && t > 0);
        Assert.Equal(Base(n), plain.Values[n], 1e-12);
    }

    [Fact]
    public void Default_noise_and_reproducibility()
    {
        var g = new VtaGenerator();
        var a = g.Generate(VtaType.Trend, 0, 3);
        Assert.Equal(a.Values, g.Generate(VtaType.Trend, 0, 3).Values);
        Assert.Equal(400, a.Values.Length);
        var before = Enumerable.Range(0, a.Intervals[0].Start).Select(t => a.Values[t] - Base(t)).ToArray();
        if (before.Length > 30)
        {
            double sd = Math.Sqrt(before.Select(v => v * v).Average());
            Assert.InRange(sd, 0.04, 0.11); // 1.5 · 0.05 = 0.075
        }
        Assert.Equal("noiseamplitude", Assert.Throws<ArgumentOutOfRangeException>(() => new VtaGenerator(new VtaSuiteOptions { NoiseAmplitude = -1 })).ParamName!.ToLowerInvariant());
    }

    [Fact]
    public void Type_names_and_classes()
    {
        foreach (var t in VtaTypeNames.All) Assert.Equal(t, VtaTypeNames.Parse(t.ToName()));
        Assert.Equal(AnomalyClass.Shapelet, VtaType.Shapelet.ToAnomalyClass());
        Assert.Throws<FormatException>(() => VtaTypeNames.Parse("point"));
    }
}
