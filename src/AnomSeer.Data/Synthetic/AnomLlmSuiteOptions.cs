namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Every parameter of the AnomLLM-style synthetic suite, with the paper's values as defaults
/// (method spec c.1, read from AnomLLM <c>synthesize.sh</c> and <c>src/data/synthetic.py</c>).
/// Each deviation from the paper is a named option here.
/// </summary>
public sealed class AnomLlmSuiteOptions
{
    /// <summary>The paper's values, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Series length: 1000 (c.1, <c>test_size</c> / <c>n_samples</c>).</summary>
        public const int Length = 1000;

        /// <summary>Series per task and split: 400 (c.1, <c>num_series</c>), so 8 × 400 = 3,200 training samples.</summary>
        public const int SeriesPerTask = 400;

        /// <summary>Seed of the train split: 3407 (c.1, <c>synthesize.sh</c>).</summary>
        public const ulong TrainSeed = 3407;

        /// <summary>Seed of the eval split: 42 (c.1, <c>synthesize.sh</c>).</summary>
        public const ulong EvalSeed = 42;

        /// <summary>Standard deviation of the noise added to every point of the noisy tasks: 0.08 (c.1).</summary>
        public const double NoiseStd = 0.08;

        /// <summary>range: standard deviation of the i.i.d. normal signal, 0.1 (c.1).</summary>
        public const double RangeSignalStd = 0.1;

        /// <summary>range: the shift magnitude is U(0.5, 0.8) per point, with one sign per interval (c.1).</summary>
        public const double RangeShiftMin = 0.5;

        /// <summary>range: upper end of the shift magnitude, 0.8 (c.1).</summary>
        public const double RangeShiftMax = 0.8;

        /// <summary>point: sine frequency 0.03 cycles per step (c.1).</summary>
        public const double PointFrequency = 0.03;

        /// <summary>point: anomalous points are replaced by N(0, 0.5) (c.1, <c>anomaly_std</c>).</summary>
        public const double PointAnomalyStd = 0.5;

        /// <summary>freq: base frequency 0.03 (c.1).</summary>
        public const double FreqFrequency = 0.03;

        /// <summary>freq: inside an interval the frequency is multiplied or divided by 3, each with p = 0.5 (c.1).</summary>
        public const double FreqMultiplier = 3.0;

        /// <summary>trend: sine frequency 0.02 (c.1).</summary>
        public const double TrendFrequency = 0.02;

        /// <summary>trend: normal slope 3.0 per 1000 steps (c.1).</summary>
        public const double TrendNormalSlope = 3.0;

        /// <summary>trend: abnormal slope U(6, 20) (c.1; <c>inverse_ratio = 0</c>, so always steeper and positive).</summary>
        public const double TrendAbnormalSlopeMin = 6.0;

        /// <summary>trend: upper end of the abnormal slope, 20 (c.1).</summary>
        public const double TrendAbnormalSlopeMax = 20.0;

        /// <summary>flat-trend: abnormal slope U(4.5, 6.0) (c.1).</summary>
        public const double FlatTrendAbnormalSlopeMin = 4.5;

        /// <summary>flat-trend: upper end of the abnormal slope, 6.0 (c.1).</summary>
        public const double FlatTrendAbnormalSlopeMax = 6.0;
    }

    /// <summary>Series length; default <see cref="Defaults.Length"/>.</summary>
    public int Length { get; init; } = Defaults.Length;

    /// <summary>Noise standard deviation of the noisy tasks; default <see cref="Defaults.NoiseStd"/>.</summary>
    public double NoiseStd { get; init; } = Defaults.NoiseStd;

    /// <summary>range: signal standard deviation; default <see cref="Defaults.RangeSignalStd"/>.</summary>
    public double RangeSignalStd { get; init; } = Defaults.RangeSignalStd;

    /// <summary>range: lower shift magnitude; default <see cref="Defaults.RangeShiftMin"/>.</summary>
    public double RangeShiftMin { get; init; } = Defaults.RangeShiftMin;

    /// <summary>range: upper shift magnitude; default <see cref="Defaults.RangeShiftMax"/>.</summary>
    public double RangeShiftMax { get; init; } = Defaults.RangeShiftMax;

    /// <summary>range: interval sampler, normal 800, anomaly 20, min anomaly 5, min normal 10, at most 8 intervals (c.1).</summary>
    public IntervalSamplerParameters RangeIntervals { get; init; } = new(800, 20, 5, 10, 8);

    /// <summary>point: sine frequency; default <see cref="Defaults.PointFrequency"/>.</summary>
    public double PointFrequency { get; init; } = Defaults.PointFrequency;

    /// <summary>point: standard deviation of the replacement noise; default <see cref="Defaults.PointAnomalyStd"/>.</summary>
    public double PointAnomalyStd { get; init; } = Defaults.PointAnomalyStd;

    /// <summary>point: interval sampler, normal 800, anomaly 30, min anomaly 5, min normal 200, at most 8 intervals (c.1).</summary>
    public IntervalSamplerParameters PointIntervals { get; init; } = new(800, 30, 5, 200, 8);

    /// <summary>freq: base frequency; default <see cref="Defaults.FreqFrequency"/>.</summary>
    public double FreqFrequency { get; init; } = Defaults.FreqFrequency;

    /// <summary>freq: frequency multiplier; default <see cref="Defaults.FreqMultiplier"/>.</summary>
    public double FreqMultiplier { get; init; } = Defaults.FreqMultiplier;

    /// <summary>freq: its own loop, normal max(20, Exp(450)), anomaly max(7, Exp(15)), no cap on the count (c.1).</summary>
    public IntervalSamplerParameters FreqIntervals { get; init; } = new(450, 15, 7, 20, null);

    /// <summary>trend and flat-trend: sine frequency; default <see cref="Defaults.TrendFrequency"/>.</summary>
    public double TrendFrequency { get; init; } = Defaults.TrendFrequency;

    /// <summary>trend and flat-trend: normal slope; default <see cref="Defaults.TrendNormalSlope"/>.</summary>
    public double TrendNormalSlope { get; init; } = Defaults.TrendNormalSlope;

    /// <summary>trend: lower abnormal slope; default <see cref="Defaults.TrendAbnormalSlopeMin"/>.</summary>
    public double TrendAbnormalSlopeMin { get; init; } = Defaults.TrendAbnormalSlopeMin;

    /// <summary>trend: upper abnormal slope; default <see cref="Defaults.TrendAbnormalSlopeMax"/>.</summary>
    public double TrendAbnormalSlopeMax { get; init; } = Defaults.TrendAbnormalSlopeMax;

    /// <summary>flat-trend: lower abnormal slope; default <see cref="Defaults.FlatTrendAbnormalSlopeMin"/>.</summary>
    public double FlatTrendAbnormalSlopeMin { get; init; } = Defaults.FlatTrendAbnormalSlopeMin;

    /// <summary>flat-trend: upper abnormal slope; default <see cref="Defaults.FlatTrendAbnormalSlopeMax"/>.</summary>
    public double FlatTrendAbnormalSlopeMax { get; init; } = Defaults.FlatTrendAbnormalSlopeMax;

    /// <summary>trend and flat-trend: interval sampler, normal 1700, anomaly 100, min anomaly 50, min normal 800, at most 8 (c.1).</summary>
    public IntervalSamplerParameters TrendIntervals { get; init; } = new(1700, 100, 50, 800, 8);

    /// <summary>Class mapping; default <see cref="AnomLlmClassMapping.Corrected"/> (spec g.6). Deviation switch:
    /// <see cref="AnomLlmClassMapping.ReleasedCode"/> reproduces the released code's mapping bug.</summary>
    public AnomLlmClassMapping ClassMapping { get; init; } = AnomLlmClassMapping.Corrected;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Length < 2) throw new ArgumentOutOfRangeException(nameof(Length), Length, "Length must be at least 2.");
        RequireNonNegative(NoiseStd, nameof(NoiseStd));
        RequireNonNegative(RangeSignalStd, nameof(RangeSignalStd));
        RequireOrdered(RangeShiftMin, RangeShiftMax, nameof(RangeShiftMin));
        RequireNonNegative(PointAnomalyStd, nameof(PointAnomalyStd));
        RequireFinite(PointFrequency, nameof(PointFrequency));
        RequireFinite(FreqFrequency, nameof(FreqFrequency));
        if (!(FreqMultiplier > 0) || double.IsInfinity(FreqMultiplier))
            throw new ArgumentOutOfRangeException(nameof(FreqMultiplier), FreqMultiplier, "FreqMultiplier must be positive and finite.");
        RequireFinite(TrendFrequency, nameof(TrendFrequency));
        RequireFinite(TrendNormalSlope, nameof(TrendNormalSlope));
        RequireOrdered(TrendAbnormalSlopeMin, TrendAbnormalSlopeMax, nameof(TrendAbnormalSlopeMin));
        RequireOrdered(FlatTrendAbnormalSlopeMin, FlatTrendAbnormalSlopeMax, nameof(FlatTrendAbnormalSlopeMin));
        (RangeIntervals ?? throw new ArgumentNullException(nameof(RangeIntervals))).Validate(nameof(RangeIntervals));
        (PointIntervals ?? throw new ArgumentNullException(nameof(PointIntervals))).Validate(nameof(PointIntervals));
        (FreqIntervals ?? throw new ArgumentNullException(nameof(FreqIntervals))).Validate(nameof(FreqIntervals));
        (TrendIntervals ?? throw new ArgumentNullException(nameof(TrendIntervals))).Validate(nameof(TrendIntervals));
        if (!Enum.IsDefined(ClassMapping))
            throw new ArgumentOutOfRangeException(nameof(ClassMapping), ClassMapping, "Unknown class mapping.");
    }

    private static void RequireFinite(double v, string name)
    {
        if (!double.IsFinite(v)) throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite.");
    }

    private static void RequireNonNegative(double v, string name)
    {
        if (!(v >= 0) || double.IsInfinity(v)) throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite and non-negative.");
    }

    private static void RequireOrdered(double lo, double hi, string name)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || lo > hi)
            throw new ArgumentOutOfRangeException(name, lo, $"{name} ({lo}) must be finite and not above its upper bound ({hi}).");
    }
}
