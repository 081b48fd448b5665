using AnomSeer.Data.Random;
using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

public class AnomLlmGeneratorTests
{
    private static readonly AnomLlmGenerator Generator = new();

    private static IEnumerable<SyntheticSeries> Many(AnomLlmTask task, int count = 200) =>
        Enumerable.Range(0, count).Select(i => Generator.Generate(task, 3407, i));

    private static bool Inside(IReadOnlyList<AnomalyInterval> ivs, int t) => ivs.Any(iv => iv.Contains(t));

    [Fact]
    public void Every_task_gives_length_1000_with_sorted_disjoint_half_open_intervals()
    {
        foreach (var task in AnomLlmTaskNames.All)
            foreach (var s in Many(task, 100))
            {
                Assert.Equal(1000, s.Values.Length);
                Assert.All(s.Values, v => Assert.True(double.IsFinite(v)));
                for (int k = 0; k < s.Intervals.Count; k++)
                {
                    Assert.InRange(s.Intervals[k].End, s.Intervals[k].Start + 1, 1000);
                    if (k > 0) Assert.True(s.Intervals[k - 1].End <= s.Intervals[k].Start);
                }
            }
    }

    [Fact]
    public void Same_seed_and_index_give_identical_series_and_different_indices_differ()
    {
        foreach (var task in AnomLlmTaskNames.All)
        {
            var a = Generator.Generate(task, 42, 5);
            var b = new AnomLlmGenerator().Generate(task, 42, 5);
            Assert.Equal(a.Values, b.Values);
            Assert.Equal(a.Intervals, b.Intervals);
            // Anomaly-free point/freq series are the plain sine, so compare many indices, not two.
            var byIndex = Enumerable.Range(0, 20).Select(i => Generator.Generate(task, 42, i)).ToList();
            Assert.Contains(byIndex, s => !s.Values.SequenceEqual(a.Values));
            Assert.Contains(byIndex, s => !s.Intervals.SequenceEqual(a.Intervals));
            var otherSeed = Enumerable.Range(0, 20).Select(i => Generator.Generate(task, 43, i)).ToList();
            Assert.False(byIndex.Zip(otherSeed).All(p => p.First.Intervals.SequenceEqual(p.Second.Intervals)));
        }
    }

    [Fact]
    public void Point_is_the_sine_outside_intervals_and_noise_inside()
    {
        double insideSq = 0;
        int inside = 0;
        foreach (var s in Many(AnomLlmTask.Point))
            for (int t = 0; t < 1000; t++)
            {
                if (Inside(s.Intervals, t)) { insideSq += s.Values[t] * s.Values[t]; inside++; }
                else Assert.Equal(Math.Sin(2 * Math.PI * 0.03 * t), s.Values[t], 1e-12);
            }
        Assert.InRange(Math.Sqrt(insideSq / inside), 0.45, 0.55); // N(0, 0.5)
    }

    [Fact]
    public void Noisy_point_adds_noise_of_std_0_08()
    {
        double sq = 0;
        int n = 0;
        foreach (var s in Many(AnomLlmTask.NoisyPoint))
            for (int t = 0; t < 1000; t++)
                if (!Inside(s.Intervals, t))
                {
                    double r = s.Values[t] - Math.Sin(2 * Math.PI * 0.03 * t);
                    sq += r * r; n++;
                }
        Assert.InRange(Math.Sqrt(sq / n), 0.078, 0.082);
    }

    [Fact]
    public void Range_is_normal_noise_with_shifts_of_0_5_to_0_8_inside_intervals()
    {
        double sq = 0;
        int n = 0;
        foreach (var s in Many(AnomLlmTask.Range))
        {
            for (int t = 0; t < 1000; t++)
                if (!Inside(s.Intervals, t)) { sq += s.Values[t] * s.Values[t]; n++; }
            foreach (var iv in s.Intervals)
            {
                double mean = Enumerable.Range(iv.Start, iv.Length).Average(t => s.Values[t]);
                // one sign per interval, magnitude U(0.5, 0.8) + N(0, 0.1) noise
                Assert.InRange(Math.Abs(mean), 0.3, 1.0);
            }
        }
        Assert.InRange(Math.Sqrt(sq / n), 0.098, 0.102);
    }

    [Fact]
    public void Freq_before_the_first_interval_is_the_accumulated_phase_sine()
    {
        foreach (var s in Many(AnomLlmTask.Freq, 50))
        {
            int stop = s.Intervals.Count > 0 ? s.Intervals[0].Start : 1000;
            for (int t = 0; t < stop; t++)
                Assert.Equal(Math.Sin(2 * Math.PI * 0.03 * (t + 1)), s.Values[t], 9); // cumsum starts at f_0
            if (s.Intervals.Count > 0)
            {
                // Inside the first interval the phase advances by 0.09 or 0.01 turns per step.
                int a = s.Intervals[0].Start;
                double phase0 = 0.03 * a; // phase just before the interval
                double up = Math.Sin(2 * Math.PI * (phase0 + 0.09)), down = Math.Sin(2 * Math.PI * (phase0 + 0.01));
                Assert.True(Math.Abs(s.Values[a] - up) < 1e-9 || Math.Abs(s.Values[a] - down) < 1e-9);
            }
        }
    }

    [Fact]
    public void Trend_is_min_max_scaled_and_steeper_inside_the_interval()
    {
        foreach (var task in new[] { AnomLlmTask.Trend, AnomLlmTask.FlatTrend })
            foreach (var s in Many(task, 100))
            {
                Assert.Equal(-1.0, s.Values.Min(), 1e-12);
                Assert.Equal(1.0, s.Values.Max(), 1e-12);
                if (s.Intervals.Count == 0) continue;
                var iv = s.Intervals[0];
                // x = a·(sin + trend) + b. Over one whole sine period (50 steps at f = 0.02) the sine cancels,
                // so x[t+50] − x[t] = a·slope·50/1000 and the ratio of two such differences is the slope ratio.
                int d = 50;
                double Detrended(int t) => s.Values[t];
                if (iv.Length < d + 1 || iv.Start < d + 1) continue;
                double inside = Detrended(iv.Start + d) - Detrended(iv.Start);
                double before = Detrended(iv.Start - 1) - Detrended(iv.Start - 1 - d);
                double ratio = inside / before; // = abnormal slope / normal slope
                var (lo, hi) = task == AnomLlmTask.Trend ? (6.0 / 3, 20.0 / 3) : (4.5 / 3, 6.0 / 3);
                Assert.InRange(ratio, lo - 1e-6, hi + 1e-6);
            }
    }

    [Fact]
    public void Corrected_class_mapping()
    {
        var expected = new Dictionary<AnomLlmTask, AnomalyClass>
        {
            [AnomLlmTask.Range] = AnomalyClass.GlobalPoint,
            [AnomLlmTask.Point] = AnomalyClass.ContextualPoint,
            [AnomLlmTask.NoisyPoint] = AnomalyClass.ContextualPoint,
            [AnomLlmTask.Freq] = AnomalyClass.Seasonal,
            [AnomLlmTask.NoisyFreq] = AnomalyClass.Seasonal,
            [AnomLlmTask.Trend] = AnomalyClass.Trend,
            [AnomLlmTask.FlatTrend] = AnomalyClass.Trend,
            [AnomLlmTask.NoisyTrend] = AnomalyClass.Trend,
        };
        foreach (var (task, cls) in expected)
        {
            Assert.Equal(cls, AnomLlmGenerator.ClassOf(task, true));
            Assert.Equal(AnomalyClass.Normal, AnomLlmGenerator.ClassOf(task, false));
        }
        foreach (var task in AnomLlmTaskNames.All)
            foreach (var s in Many(task, 50))
                Assert.Equal(s.Intervals.Count == 0 ? AnomalyClass.Normal : expected[task], s.Class);
    }

    [Fact]
    public void Released_code_mapping_reproduces_the_unknown_bug()
    {
        var m = AnomLlmClassMapping.ReleasedCode;
        Assert.Equal(AnomalyClass.GlobalPoint, AnomLlmGenerator.ClassOf(AnomLlmTask.Range, true, m));
        Assert.Equal(AnomalyClass.ContextualPoint, AnomLlmGenerator.ClassOf(AnomLlmTask.Point, true, m));
        Assert.Equal(AnomalyClass.Seasonal, AnomLlmGenerator.ClassOf(AnomLlmTask.Freq, true, m));
        Assert.Equal(AnomalyClass.Trend, AnomLlmGenerator.ClassOf(AnomLlmTask.Trend, true, m));
        foreach (var t in new[] { AnomLlmTask.NoisyPoint, AnomLlmTask.NoisyFreq, AnomLlmTask.NoisyTrend, AnomLlmTask.FlatTrend })
        {
            Assert.Null(AnomLlmGenerator.ClassOf(t, true, m));
            Assert.Equal(AnomalyClass.Normal, AnomLlmGenerator.ClassOf(t, false, m));
        }
        var g = new AnomLlmGenerator(new AnomLlmSuiteOptions { ClassMapping = m });
        var withAnomaly = Enumerable.Range(0, 50).Select(i => g.Generate(AnomLlmTask.FlatTrend, 1, i)).First(s => s.Intervals.Count > 0);
        Assert.Null(withAnomaly.Class);
    }

    [Fact]
    public void Invalid_options_name_the_option()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnomLlmGenerator(new AnomLlmSuiteOptions { NoiseStd = -1 }));
        Assert.Equal("NoiseStd", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnomLlmGenerator(new AnomLlmSuiteOptions { PointIntervals = new(800, 30, 0, 200) }));
        Assert.Equal("PointIntervals", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.Generate(AnomLlmTask.Range, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generator.Generate((AnomLlmTask)99, 1, 0));
    }

    [Fact]
    public void Task_names_round_trip()
    {
        foreach (var t in AnomLlmTaskNames.All) Assert.Equal(t, AnomLlmTaskNames.Parse(t.ToName()));
        Assert.Equal("flat-trend", AnomLlmTask.FlatTrend.ToName());
        Assert.Throws<FormatException>(() => AnomLlmTaskNames.Parse("noisy-range"));
    }
}
