using AnomSeer.Data.Random;

namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Generates the AnomLLM-style synthetic tasks exactly as method spec c.1 describes, from a seeded,
/// platform-independent random stream (<see cref="SeededRandom"/>). Thread-safe: each call uses its own stream.
/// </summary>
/// <remarks>
/// <para>Series <c>index</c> of task <c>task</c> under seed <c>seed</c> comes from
/// <c>SeededRandom.ForStream(seed, StreamId(task), index)</c>, so it does not depend on how many series are
/// generated or in which order. The numbers are not those of the Python generator (which uses NumPy's
/// Mersenne Twister, and re-seeds the range task from OS entropy); the distributions are the same.</para>
/// <para>Draw order per series: the interval sampler's durations first, then per interval the generator's own
/// draws (sign and magnitudes; replacement noise; ×/÷ choice; abnormal slope), then the base signal's noise,
/// then the noisy tasks' extra noise. The sampler does not draw the unused shifts that the Python sampler
/// draws for the point and trend tasks: with a different RNG they could not be matched anyway.</para>
/// </remarks>
public sealed class AnomLlmGenerator
{
    /// <summary>Stream-id base for AnomLLM tasks (ASCII "ANOMLLM\0"); the task's ordinal is added.</summary>
    public const ulong StreamBase = 0x414E4F4D4C4C4D00UL;

    /// <summary>Creates a generator; <paramref name="options"/> defaults to the paper's values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid (the message names it).</exception>
    public AnomLlmGenerator(AnomLlmSuiteOptions? options = null)
    {
        Options = options ?? new AnomLlmSuiteOptions();
        Options.Validate();
        _pointSine = SineTable(Options.PointFrequency, Options.Length);
        _trendSine = SineTable(Options.TrendFrequency, Options.Length);
    }

    // The fixed-frequency sines of the point and trend tasks, computed once (identical to computing them per series).
    private readonly double[] _pointSine;
    private readonly double[] _trendSine;

    private static double[] SineTable(double frequency, int length)
    {
        var t = new double[length];
        for (int i = 0; i < length; i++) t[i] = DeterministicMath.SinTurns(frequency * i);
        return t;
    }

    /// <summary>The options in use.</summary>
    public AnomLlmSuiteOptions Options { get; }

    /// <summary>The random stream id of a task: <see cref="StreamBase"/> + its ordinal.</summary>
    public static ulong StreamId(AnomLlmTask task) => StreamBase + (ulong)ToOrdinal(task);

    /// <summary>Generates series <paramref name="index"/> of <paramref name="task"/> under <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or the task is undefined.</exception>
    public SyntheticSeries Generate(AnomLlmTask task, ulong seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Generate(task, SeededRandom.ForStream(seed, StreamId(task), (ulong)index));
    }

    /// <summary>Generates one series of <paramref name="task"/>, drawing from <paramref name="rng"/>.</summary>
    public SyntheticSeries Generate(AnomLlmTask task, SeededRandom rng)
    {
        var values = new double[Options.Length];
        var intervals = new List<AnomalyInterval>(8);
        Fill(task, rng, values, intervals);
        return new SyntheticSeries(values, intervals.ToArray(), ClassOf(task, intervals.Count > 0, Options.ClassMapping));
    }

    /// <summary>
    /// Generates one series into caller-owned buffers (no allocation beyond list growth): writes
    /// <see cref="AnomLlmSuiteOptions.Length"/> values to <paramref name="values"/> and the intervals into
    /// <paramref name="intervals"/> (cleared first).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is shorter than the series length.</exception>
    public void Fill(AnomLlmTask task, SeededRandom rng, Span<double> values, List<AnomalyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(intervals);
        int n = Options.Length;
        if (values.Length < n)
            throw new ArgumentException($"The buffer holds {values.Length} values; the series length is {n}.", nameof(values));
        var x = values[..n];
        switch (task.BaseTask())
        {
            case AnomLlmTask.Range: Range(rng, x, intervals); break;
            case AnomLlmTask.Point: Point(rng, x, intervals); break;
            case AnomLlmTask.Freq: Freq(rng, x, intervals); break;
            case AnomLlmTask.Trend: Trend(rng, x, intervals, Options.TrendAbnormalSlopeMin, Options.TrendAbnormalSlopeMax); break;
            case AnomLlmTask.FlatTrend: Trend(rng, x, intervals, Options.FlatTrendAbnormalSlopeMin, Options.FlatTrendAbnormalSlopeMax); break;
            default: throw new ArgumentOutOfRangeException(nameof(task), task, "Not a defined AnomLlmTask.");
        }
        if (task.IsNoisy())
        {
            double sd = Options.NoiseStd;
            for (int t = 0; t < n; t++) x[t] += sd * rng.StandardNormal();
        }
    }

    /// <summary>
    /// The ground-truth class of a series of <paramref name="task"/> (method spec b.2): normal when it has no
    /// interval; otherwise range → global point, point → contextual point, freq → seasonal, trend and
    /// flat-trend → trend, noisy-X as X. Under <see cref="AnomLlmClassMapping.ReleasedCode"/> the noisy tasks
    /// and flat-trend give <see langword="null"/> ("unknown").
    /// </summary>
    public static AnomalyClass? ClassOf(AnomLlmTask task, bool hasIntervals, AnomLlmClassMapping mapping = AnomLlmClassMapping.Corrected)
    {
        ToOrdinal(task);
        if (!hasIntervals) return AnomalyClass.Normal;
        if (mapping == AnomLlmClassMapping.ReleasedCode && (task.IsNoisy() || task == AnomLlmTask.FlatTrend)) return null;
        return task.BaseTask() switch
        {
            AnomLlmTask.Range => AnomalyClass.GlobalPoint,
            AnomLlmTask.Point => AnomalyClass.ContextualPoint,
            AnomLlmTask.Freq => AnomalyClass.Seasonal,
            _ => AnomalyClass.Trend,
        };
    }

    private static int ToOrdinal(AnomLlmTask task)
    {
        int i = (int)task;
        if (i < 0 || i > (int)AnomLlmTask.NoisyTrend)
            throw new ArgumentOutOfRangeException(nameof(task), task, "Not a defined AnomLlmTask.");
        return i;
    }

    // range: i.i.d. N(0, 0.1); each interval shifted by sign·U(0.5, 0.8) per point, one sign per interval.
    private void Range(SeededRandom rng, Span<double> x, List<AnomalyInterval> intervals)
    {
        IntervalSampler.Sample(rng, x.Length, Options.RangeIntervals, intervals);
        double sd = Options.RangeSignalStd;
        for (int t = 0; t < x.Length; t++) x[t] = sd * rng.StandardNormal();
        foreach (var (s, e) in intervals)
        {
            double sign = rng.NextBoolean() ? 1.0 : -1.0;
            for (int t = s; t < e; t++) x[t] += sign * rng.Uniform(Options.RangeShiftMin, Options.RangeShiftMax);
        }
    }

    // point: sin(2π·0.03·t); each interval replaced by N(0, 0.5).
    private void Point(SeededRandom rng, Span<double> x, List<AnomalyInterval> intervals)
    {
        IntervalSampler.Sample(rng, x.Length, Options.PointIntervals, intervals);
        _pointSine.CopyTo(x);
        double sd = Options.PointAnomalyStd;
        foreach (var (s, e) in intervals)
            for (int t = s; t < e; t++) x[t] = sd * rng.StandardNormal();
    }

    // freq: sin(2π·cumsum(f_t)), f_t = 0.03, ×3 or ÷3 inside each interval.
    private void Freq(SeededRandom rng, Span<double> x, List<AnomalyInterval> intervals)
    {
        IntervalSampler.Sample(rng, x.Length, Options.FreqIntervals, intervals);
        double f = Options.FreqFrequency;
        x.Fill(f); // x holds f_t until the phase is accumulated
        foreach (var (s, e) in intervals)
        {
            bool up = rng.NextBoolean();
            double ft = up ? f * Options.FreqMultiplier : f / Options.FreqMultiplier;
            x[s..e].Fill(ft);
        }
        double phase = 0;
        for (int t = 0; t < x.Length; t++)
        {
            phase += x[t];
            x[t] = DeterministicMath.SinTurns(phase);
        }
    }

    // trend: sin(2π·0.02·t) + continuous piecewise-linear trend (slope 3 per 1000 steps, U(lo, hi) inside
    // intervals); each segment starts at the previous segment's last value; then min-max scaled to [-1, 1].
    private void Trend(SeededRandom rng, Span<double> x, List<AnomalyInterval> intervals, double slopeLo, double slopeHi)
    {
        IntervalSampler.Sample(rng, x.Length, Options.TrendIntervals, intervals);
        int n = x.Length;
        double den = n; // slopes are per series length (the code divides by n_samples = 1000)
        double normalSlope = Options.TrendNormalSlope;
        double value = 0;
        int from = 0;
        foreach (var (s, e) in intervals)
        {
            for (int t = from; t < s; t++) x[t] = value + normalSlope * (t - from) / den;
            value = x[s - 1];
            double slope = rng.Uniform(slopeLo, slopeHi);
            for (int t = s; t < e; t++) x[t] = value + slope * (t - s) / den;
            value = x[e - 1];
            from = e;
        }
        for (int t = from; t < n; t++) x[t] = value + normalSlope * (t - from) / den;

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int t = 0; t < n; t++)
        {
            double v = _trendSine[t] + x[t];
            x[t] = v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        double range = max - min;
        if (range > 0)
            for (int t = 0; t < n; t++) x[t] = 2 * (x[t] - min) / range - 1;
    }
}
