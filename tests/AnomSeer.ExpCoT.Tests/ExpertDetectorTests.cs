using AnomSeer.Answers;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.ExpCoT.Tests;

public class ExpertDetectorTests
{
    private static readonly ExpertDetector Detector = new();

    [Fact]
    public void Out_of_range_shift_is_a_global_point_anomaly()
    {
        var x = TestSeries.Gaussian(1000, 0.1, 21);
        for (int i = 420; i < 445; i++) x[i] += 0.7;
        var d = Detector.Detect(x);
        Assert.Equal(AnomalyClass.GlobalPoint, d.Class);
        Assert.Equal(ExpertKind.Range, d.Expert);
        Assert.Contains(d.Intervals, iv => iv.Overlaps(new AnomalyInterval(420, 445)));
    }

    [Fact]
    public void Noise_replacing_a_sine_stretch_is_a_contextual_point_anomaly()
    {
        var x = TestSeries.Sine(1000, 0.03);
        var noise = TestSeries.Gaussian(1000, 0.5, 7);
        for (int i = 600; i < 630; i++) x[i] = noise[i];
        // The discord scan alone. (With the default slope-shift scan on, the tuned rules call this example a trend:
        // a noise burst also bends the de-seasonalised local slope; see docs/expert-baseline.md.)
        var d = new ExpertDetector(new ExpertDetectorOptions { UseSlopeShift = false }).Detect(x);
        Assert.Equal(AnomalyClass.ContextualPoint, d.Class);
        Assert.Single(d.Intervals);
        Assert.True(d.Intervals[0].Overlaps(new AnomalyInterval(600, 630)));
    }

    [Fact]
    public void A_steeper_stretch_under_a_sine_is_a_trend_anomaly()
    {
        var x = new double[1000];
        double level = 0;
        for (int t = 0; t < 1000; t++)
        {
            level += (t >= 400 && t < 550 ? 15.0 : 3.0) / 1000;
            x[t] = Math.Sin(2 * Math.PI * t / 50) + level;
        }
        var d = Detector.Detect(x);
        Assert.True(d.Class == AnomalyClass.Trend, d.Reasoning);
        Assert.Contains(d.Intervals, iv => iv.Overlaps(new AnomalyInterval(400, 550)));
    }

    [Fact]
    public void A_clean_sine_is_normal()
    {
        var d = Detector.Detect(TestSeries.Sine(1000, 0.03, 1, 0.4));
        Assert.True(d.Class == AnomalyClass.Normal, d.Reasoning);
        Assert.Empty(d.Intervals);
        Assert.Equal(ExpertKind.None, d.Expert);
        Assert.Equal(4, d.Findings.Count);
    }

    [Fact]
    public void Answer_text_round_trips_through_the_core_parser()
    {
        var x = TestSeries.Gaussian(1000, 0.1, 22);
        for (int i = 100; i < 130; i++) x[i] -= 0.8;
        var d = Detector.Detect(x);
        var parsed = AnswerParser.Parse(d.ToAnswerText());
        Assert.True(parsed.FormatOk);
        Assert.Equal(d.Class, parsed.Class);
        Assert.Equal(d.Intervals, parsed.Intervals!);
        Assert.Equal(d.Reasoning, parsed.Reasoning);
    }

    [Fact]
    public void Constant_and_short_series_are_normal_without_nan()
    {
        var c = Detector.Detect(Enumerable.Repeat(3.0, 1000).ToArray());
        Assert.Equal(AnomalyClass.Normal, c.Class);
        Assert.DoesNotContain("NaN", c.Reasoning);
        Assert.DoesNotContain("∞", c.Reasoning);
        Assert.All(c.Findings.SelectMany(f => f.Metrics.Values), v => Assert.True(double.IsFinite(v)));

        var s = Detector.Detect(new double[] { 1, 5, 1 });
        Assert.Equal(AnomalyClass.Normal, s.Class);
        Assert.Contains("too short", s.Reasoning);
    }

    [Fact]
    public void Bad_input_and_options_throw()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Detector.Detect(new[] { 1.0, double.PositiveInfinity })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Detector.Detect(ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("TrendSigma", Assert.Throws<ArgumentOutOfRangeException>(() => new ExpertDetector(new ExpertDetectorOptions { TrendSigma = double.NaN })).ParamName);
    }

    [Fact]
    public void Noise_ratio_is_one_for_white_noise_and_near_zero_for_a_smooth_sine()
    {
        var w = TestSeries.Gaussian(20000, 0.3, 4);
        double sd = Math.Sqrt(w.Select(v => v * v).Average() - Math.Pow(w.Average(), 2));
        Assert.InRange(ExpertDetector.NoiseRatio(w, sd), 0.97, 1.03);
        var s = TestSeries.Sine(1000, 0.03);
        // second difference of sin(ωt) has amplitude (2 - 2cos ω) ≈ ω², so the ratio is ω² / √6 ≈ 0.0145
        double omega = 2 * Math.PI * 0.03;
        Assert.Equal((2 - 2 * Math.Cos(omega)) / Math.Sqrt(6), ExpertDetector.NoiseRatio(s, Math.Sqrt(0.5)), 3);
    }

    [Fact]
    public void Detection_is_deterministic()
    {
        var x = TestSeries.Add(TestSeries.Sine(800, 0.03), TestSeries.Gaussian(800, 0.08, 3));
        Assert.Equal(Detector.Detect(x).ToAnswerText(), Detector.Detect(x).ToAnswerText());
    }
}
