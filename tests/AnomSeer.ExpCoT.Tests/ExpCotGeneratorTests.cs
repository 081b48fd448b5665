using AnomSeer.ExpCoT.Experts;

namespace AnomSeer.ExpCoT.Tests;

public class ExpCotGeneratorTests
{
    private static readonly ExpCotGenerator Released = new(new ExpCotOptions { TextStyle = ExpCotTextStyle.Released });
    private static readonly ExpCotGenerator Clean = new();

    // 29 zeros and a spike of 10 at index 12: mean 1/3, population std sqrt(29/9) = 1.79505, max |z| = sqrt(29) = 5.385,
    // 3-sigma range [1/3 - sqrt(29), 1/3 + sqrt(29)] = [-5.05183, 5.71850]. All numbers below are worked out by hand.
    private static double[] Spike()
    {
        var x = new double[30];
        x[12] = 10;
        return x;
    }

    [Fact]
    public void Released_text_of_a_range_sample_is_byte_exact()
    {
        var trace = Released.Generate(Spike(), [new AnomalyInterval(12, 13)], AnomalyClass.GlobalPoint, "range");
        const string expected =
            "\\textbf{Observation} — Ground truth labels [12, 13] as \\textit{global point}. My initial check reveals extreme values. The global mean is 0.333 and std is 1.795, but some points have a z-score as high as 5.39. This strongly suggests a range-based anomaly. I will now apply a k-sigma rule to formalize this.\n"
            + "\\textbf{Reasoning \\& Validation} — I observed that the values within [12, 13] exhibit clear out-of-range behavior, with sharp spikes deviating from the global distribution. The analysis range anomalies, I first calculated the global statistics: the mean is 0.333 and the standard deviation is 1.795. This establishes a normal range of [-5.052, 5.718] using a 3.0-sigma rule. Scanning the series for points outside this boundary resulted in finding 1 anomalous interval(s).\n"
            + "\\textbf{Conclusion} — We report the GT interval(s) [12, 13] as the final localization for supervision. For reference, the detector proposed [12, 13].";
        Assert.Equal(expected, trace.Text);
        Assert.Equal(ExpertKind.Range, trace.Expert);
        Assert.Equal([new AnomalyInterval(12, 13)], trace.DetectedIntervals);
        Assert.Equal(Math.Sqrt(29), trace.MaxAbsZScore, 10);
        Assert.Equal(1.0 / 3, trace.Metrics["mean"], 12);
    }

    [Fact]
    public void Clean_text_has_no_latex_and_no_rewrite_artefact()
    {
        var trace = Clean.Generate(Spike(), [new AnomalyInterval(12, 13)], AnomalyClass.GlobalPoint, "range");
        const string expected =
            "Observation — Ground truth labels [12, 13] as global point. My initial check reveals extreme values. The global mean is 0.333 and std is 1.795, but some points have a z-score as high as 5.39. This strongly suggests a range-based anomaly. I will now apply a k-sigma rule to formalize this.\n"
            + "Reasoning & Validation — I observed that the values within [12, 13] exhibit clear out-of-range behavior, with sharp spikes deviating from the global distribution. To find range anomalies, I first calculated the global statistics: the mean is 0.333 and the standard deviation is 1.795. This establishes a normal range of [-5.052, 5.718] using a 3.0-sigma rule. Scanning the series for points outside this boundary resulted in finding 1 anomalous interval(s).\n"
            + "Conclusion — We report the GT interval(s) [12, 13] as the final localization for supervision. For reference, the detector proposed [12, 13].";
        Assert.Equal(expected, trace.Text);
    }

    [Fact]
    public void Trend_task_routes_to_the_trend_detector_and_released_text_keeps_the_quirk()
    {
        var (x, gt) = TrendSeries();
        var released = Released.Generate(x, gt, AnomalyClass.Trend, "trend");
        var clean = Clean.Generate(x, gt, AnomalyClass.Trend, "trend");
        Assert.Equal(ExpertKind.Trend, released.Expert);
        Assert.Contains("The analysis trend analysis, I focused on the rate of change.", released.Text);
        Assert.DoesNotContain("The analysis", clean.Text);
        Assert.Contains("For trend analysis, I focused on the rate of change. After smoothing the series with a window of 21", clean.Text);
        Assert.Contains("I observed that the segment within [400, 430] shows a clear trend shift", clean.Text);
        Assert.Contains(clean.DetectedIntervals, iv => iv.Overlaps(gt[0]));
    }

    [Fact]
    public void Frequency_task_finds_the_faster_stretch()
    {
        var x = FrequencySeries(out var gt);
        var trace = Clean.Generate(x, gt, AnomalyClass.Seasonal, "freq");
        Assert.Equal(ExpertKind.Frequency, trace.Expert);
        Assert.Contains("Global values and trend seem stable.", trace.Text);
        Assert.Contains("I observed that the oscillations within [500, 540] display frequency deviation", trace.Text);
        Assert.NotEmpty(trace.DetectedIntervals);
        Assert.All(trace.DetectedIntervals, iv => Assert.True(iv.Overlaps(gt[0]), iv.ToString()));
        Assert.InRange(trace.Metrics["period_mean"], 33.0, 34.5); // the base period 1 / 0.03 dominates
    }

    [Fact]
    public void Point_task_finds_the_discord_and_noisy_tasks_are_denoised()
    {
        var x = TestSeries.Sine(1000, 0.03);
        var noise = TestSeries.Gaussian(1000, 0.5, 77);
        for (int i = 600; i < 630; i++) x[i] = noise[i];
        var gt = new[] { new AnomalyInterval(600, 630) };
        var trace = Clean.Generate(x, gt, AnomalyClass.ContextualPoint, "point");
        Assert.Equal(ExpertKind.Discord, trace.Expert);
        Assert.Single(trace.DetectedIntervals);
        Assert.True(trace.DetectedIntervals[0].Overlaps(gt[0]));
        Assert.Equal(50, trace.DetectedIntervals[0].Length);
        Assert.False(trace.Denoised);

        var noisy = TestSeries.Add(x, TestSeries.Gaussian(1000, 0.08, 78));
        var t2 = Clean.Generate(noisy, gt, AnomalyClass.ContextualPoint, "noisy-point");
        Assert.True(t2.Denoised);
        Assert.Equal(31, t2.DenoiseWindow);
        Assert.StartsWith("[Preprocess] Applied Savitzky–Golay denoising (win=31). Observation — ", t2.Text);
    }

    [Fact]
    public void Discord_below_threshold_says_above_only_in_released_style()
    {
        var x = TestSeries.Sine(400, 0.05); // perfectly periodic: no significant discord
        var released = Released.Generate(x, [], AnomalyClass.ContextualPoint, "point");
        var clean = Clean.Generate(x, [], AnomalyClass.ContextualPoint, "point");
        Assert.Empty(clean.DetectedIntervals);
        Assert.Contains("which is above my threshold of 3.5, indicating a significant anomaly. Thus, 0 anomaly was identified.", released.Text);
        Assert.Contains("which is not above my threshold of 3.5", clean.Text);
        Assert.EndsWith("Conclusion — No ground-truth anomalies are present; the series is treated as normal. For reference, the detector proposed [].", clean.Text);
        Assert.Contains("I did not observe any contextual point anomaly in the series. ", clean.Text);
    }

    [Theory]
    [InlineData("range")]
    [InlineData("point")]
    [InlineData("noisy-trend")]
    [InlineData("freq")]
    [InlineData(null)]
    public void Constant_series_gives_text_without_nan_or_infinity(string? task)
    {
        var x = Enumerable.Repeat(0.25, 1000).ToArray();
        foreach (var gen in new[] { Clean, Released })
        {
            var trace = gen.Generate(x, [], AnomalyClass.Normal, task);
            Assert.DoesNotContain("NaN", trace.Text);
            Assert.DoesNotContain("∞", trace.Text);
            Assert.DoesNotContain("Infinity", trace.Text);
            Assert.Empty(trace.DetectedIntervals);
            Assert.All(trace.Metrics.Values, v => Assert.True(double.IsFinite(v)));
        }
    }

    [Fact]
    public void Constant_frequency_series_reports_that_no_period_was_found()
    {
        var trace = Clean.Generate(Enumerable.Repeat(1.0, 500).ToArray(), [], AnomalyClass.Seasonal, "freq");
        Assert.Contains("Could not determine a dominant period: only 0 of 400 sliding windows", trace.Text);
    }

    [Fact]
    public void Short_series_get_the_two_line_text()
    {
        var trace = Clean.Generate(new double[] { 1, 2, 3, 4, 5 }, [new AnomalyInterval(1, 2)], AnomalyClass.GlobalPoint, "range");
        Assert.Equal(ExpertKind.None, trace.Expert);
        Assert.Equal(
            "Observation — The series has only 5 points, too short for the expert analyses. Ground truth labels [1, 2] as global point.\n"
            + "Conclusion — We report the GT interval(s) [1, 2] as the final localization for supervision.", trace.Text);
        Assert.Empty(trace.DetectedIntervals);
    }

    [Fact]
    public void Series_shorter_than_a_detector_needs_gets_its_fallback_text()
    {
        var x = TestSeries.Sine(60, 0.05);
        var trace = Clean.Generate(x, [], AnomalyClass.Seasonal, "freq");
        Assert.Equal(ExpertKind.Frequency, trace.Expert);
        Assert.False(trace.Finding!.Applicable);
        Assert.Contains("shorter than the 300 points", trace.Text);
    }

    [Fact]
    public void Bad_input_throws_naming_the_argument()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Clean.Generate(new[] { 1.0, double.NaN }, [], AnomalyClass.Normal, "x")).ParamName);
        Assert.Equal("groundTruth", Assert.Throws<ArgumentNullException>(() => Clean.Generate(new double[30], null!, AnomalyClass.Normal, "x")).ParamName);
        Assert.Equal("groundTruthClass", Assert.Throws<ArgumentOutOfRangeException>(() => Clean.Generate(new double[30], [], (AnomalyClass)42, "x")).ParamName);
        var missing = new TimeSeries([1.0, double.NaN, 3.0], nonFinitePolicy: NonFiniteValuePolicy.AllowMissing);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Clean.Generate(missing, [], AnomalyClass.Normal, "x")).ParamName);
        Assert.Equal("DiscordWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new ExpCotGenerator(new ExpCotOptions { DiscordWindow = 2 })).ParamName);
    }

    [Fact]
    public void Numbers_use_invariant_culture()
    {
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var trace = Clean.Generate(Spike(), [new AnomalyInterval(12, 13)], AnomalyClass.GlobalPoint, "range");
            Assert.Contains("mean is 0.333", trace.Text);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Hbos_global_scan_routes_a_detached_spike_to_range()
    {
        var gen = new ExpCotGenerator(new ExpCotOptions { GlobalScan = GlobalScan.Hbos });
        var x = TestSeries.Gaussian(1000, 0.1, 5);
        for (int i = 420; i < 440; i++) x[i] += 0.7;
        var trace = gen.Generate(x, [new AnomalyInterval(420, 440)], AnomalyClass.GlobalPoint, "range");
        Assert.Equal(ExpertKind.Range, trace.Expert);
        Assert.Contains("histogram (HBOS) scan", trace.Text);
        var normal = gen.Generate(TestSeries.Gaussian(1000, 0.1, 6), [], AnomalyClass.Normal, "range");
        Assert.NotEqual(ExpertKind.Range, normal.Expert);
    }

    // Trend sample with an abrupt slope change: small sine + slope 3/1000, slope 100/1000 in [400, 430),
    // min-max scaled to [-1, 1]. (The gradient k-sigma rule sees abrupt slope changes; a gentle one hidden under a
    // large sine, as in AnomLLM's trend task, is below its threshold.)
    internal static (double[] X, AnomalyInterval[] Gt) TrendSeries()
    {
        var x = new double[1000];
        double level = 0;
        for (int t = 0; t < 1000; t++)
        {
            level += (t >= 400 && t < 430 ? 100.0 : 3.0) / 1000;
            x[t] = 0.02 * Math.Sin(2 * Math.PI * 0.02 * t) + level;
        }
        double min = x.Min(), max = x.Max();
        for (int t = 0; t < 1000; t++) x[t] = 2 * (x[t] - min) / (max - min) - 1;
        return (x, [new AnomalyInterval(400, 430)]);
    }

    // AnomLLM-style frequency sample: sin(2π cumsum f), f = 0.03, tripled in [500, 540).
    internal static double[] FrequencySeries(out AnomalyInterval[] gt)
    {
        var x = new double[1000];
        double phase = 0;
        for (int t = 0; t < 1000; t++)
        {
            phase += t >= 500 && t < 540 ? 0.09 : 0.03;
            x[t] = Math.Sin(2 * Math.PI * phase);
        }
        gt = [new AnomalyInterval(500, 540)];
        return x;
    }
}
