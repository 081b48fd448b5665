namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Every parameter of the VisualTimeAnomaly-style univariate suite, with the benchmark's values as defaults
/// (method spec c.2, read from VTA <c>src/generator.py</c> / <c>generator.sh</c>, adapted from TODS).
/// </summary>
public sealed class VtaSuiteOptions
{
    /// <summary>The benchmark's values, in one place.</summary>
    public static class Defaults
    {
        /// <summary>Series length 400 (c.2).</summary>
        public const int Length = 400;

        /// <summary>Series per type and split: 100 (c.2, <c>num_ts=100</c>).</summary>
        public const int SeriesPerType = 100;

        /// <summary>Seed 0, used for train and then eval (c.2, <c>--seed 0</c>).</summary>
        public const ulong Seed = 0;

        /// <summary>Base sine frequency 0.04 (c.2).</summary>
        public const double Frequency = 0.04;

        /// <summary>Base sine coefficient 1.5: <c>1.5·(sin(2π·0.04·t) + 0.05·N(0, 1))</c> (c.2).</summary>
        public const double Coefficient = 1.5;

        /// <summary>Base noise amplitude 0.05 (c.2).</summary>
        public const double NoiseAmplitude = 0.05;

        /// <summary>Anomaly ratio 0.05 for every type (c.2): round(400·0.05) = 20 points, round(400·0.05/10) = 2 windows.</summary>
        public const double Ratio = 0.05;

        /// <summary>Radius 5: windows are <c>[i−5, i+5)</c> and point outliers use the std of <c>x0[i−5 : i+5]</c> (c.2).</summary>
        public const int Radius = 5;

        /// <summary>global: factor 3.5 (c.2).</summary>
        public const double GlobalFactor = 3.5;

        /// <summary>contextual: factor 2.5 (c.2).</summary>
        public const double ContextualFactor = 2.5;

        /// <summary>contextual: an out-of-range value becomes max·min(0.95, |N(0, 0.5)|) (or the same with min) (c.2).</summary>
        public const double ContextualReplacementStd = 0.5;

        /// <summary>contextual: cap 0.95 of the replacement factor (c.2).</summary>
        public const double ContextualReplacementCap = 0.95;

        /// <summary>seasonal: frequency factor 3 (c.2).</summary>
        public const double SeasonalFactor = 3.0;

        /// <summary>trend: factor 0.5, the ramp ±0.5·(0, 1, …, 9) and a persistent shift of ±4.5 (c.2).</summary>
        public const double TrendFactor = 0.5;

        /// <summary>shapelet: 20 odd harmonics in the square wave (c.2, <c>level</c>).</summary>
        public const int ShapeletLevel = 20;

        /// <summary>shapelet: coefficient 1.5 (c.2).</summary>
        public const double ShapeletCoefficient = 1.5;

        /// <summary>shapelet: noise amplitude 0.03 of each harmonic (c.2).</summary>
        public const double ShapeletNoiseAmplitude = 0.03;

        /// <summary>shapelet: base frequency 0.04 (c.2).</summary>
        public const double ShapeletFrequency = 0.04;
    }

    /// <summary>Series length; default <see cref="Defaults.Length"/>.</summary>
    public int Length { get; init; } = Defaults.Length;

    /// <summary>Base frequency; default <see cref="Defaults.Frequency"/>.</summary>
    public double Frequency { get; init; } = Defaults.Frequency;

    /// <summary>Base coefficient; default <see cref="Defaults.Coefficient"/>.</summary>
    public double Coefficient { get; init; } = Defaults.Coefficient;

    /// <summary>Base offset; default 0 (c.2).</summary>
    public double Offset { get; init; }

    /// <summary>Base noise amplitude; default <see cref="Defaults.NoiseAmplitude"/>.</summary>
    public double NoiseAmplitude { get; init; } = Defaults.NoiseAmplitude;

    /// <summary>Anomaly ratio; default <see cref="Defaults.Ratio"/>.</summary>
    public double Ratio { get; init; } = Defaults.Ratio;

    /// <summary>Radius; default <see cref="Defaults.Radius"/>.</summary>
    public int Radius { get; init; } = Defaults.Radius;

    /// <summary>global factor; default <see cref="Defaults.GlobalFactor"/>.</summary>
    public double GlobalFactor { get; init; } = Defaults.GlobalFactor;

    /// <summary>contextual factor; default <see cref="Defaults.ContextualFactor"/>.</summary>
    public double ContextualFactor { get; init; } = Defaults.ContextualFactor;

    /// <summary>contextual replacement std; default <see cref="Defaults.ContextualReplacementStd"/>.</summary>
    public double ContextualReplacementStd { get; init; } = Defaults.ContextualReplacementStd;

    /// <summary>contextual replacement cap; default <see cref="Defaults.ContextualReplacementCap"/>.</summary>
    public double ContextualReplacementCap { get; init; } = Defaults.ContextualReplacementCap;

    /// <summary>seasonal frequency factor; default <see cref="Defaults.SeasonalFactor"/>.</summary>
    public double SeasonalFactor { get; init; } = Defaults.SeasonalFactor;

    /// <summary>trend factor; default <see cref="Defaults.TrendFactor"/>.</summary>
    public double TrendFactor { get; init; } = Defaults.TrendFactor;

    /// <summary>shapelet harmonics; default <see cref="Defaults.ShapeletLevel"/>.</summary>
    public int ShapeletLevel { get; init; } = Defaults.ShapeletLevel;

    /// <summary>shapelet coefficient; default <see cref="Defaults.ShapeletCoefficient"/>.</summary>
    public double ShapeletCoefficient { get; init; } = Defaults.ShapeletCoefficient;

    /// <summary>shapelet noise amplitude; default <see cref="Defaults.ShapeletNoiseAmplitude"/>.</summary>
    public double ShapeletNoiseAmplitude { get; init; } = Defaults.ShapeletNoiseAmplitude;

    /// <summary>shapelet base frequency; default <see cref="Defaults.ShapeletFrequency"/>.</summary>
    public double ShapeletFrequency { get; init; } = Defaults.ShapeletFrequency;

    /// <summary>
    /// Deviation switch, off by default: reproduce the VTA seasonal-frequency quirk (spec c.2: the generator
    /// multiplies its shared config's frequency by 3 in place, so seasonal series <c>i</c> of a split has base
    /// frequency <c>0.04·3^i</c> and anomaly frequency <c>0.04·3^(i+1)</c>; for large i the sine of the huge
    /// argument is numerically pseudo-random). When on, the sines are evaluated in radians as NumPy does,
    /// <c>sin((2π·f)·t)</c>, with exact argument reduction.
    /// </summary>
    public bool SeasonalFrequencyQuirk { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Length < 2) throw new ArgumentOutOfRangeException(nameof(Length), Length, "Length must be at least 2.");
        if (Radius < 1) throw new ArgumentOutOfRangeException(nameof(Radius), Radius, "Radius must be at least 1.");
        if (!(Ratio > 0) || Ratio > 1) throw new ArgumentOutOfRangeException(nameof(Ratio), Ratio, "Ratio must be in (0, 1].");
        if (ShapeletLevel < 1) throw new ArgumentOutOfRangeException(nameof(ShapeletLevel), ShapeletLevel, "ShapeletLevel must be at least 1.");
        foreach (var (v, name) in new[]
        {
            (Frequency, nameof(Frequency)), (Coefficient, nameof(Coefficient)), (Offset, nameof(Offset)),
            (NoiseAmplitude, nameof(NoiseAmplitude)), (GlobalFactor, nameof(GlobalFactor)), (ContextualFactor, nameof(ContextualFactor)),
            (ContextualReplacementStd, nameof(ContextualReplacementStd)), (ContextualReplacementCap, nameof(ContextualReplacementCap)),
            (SeasonalFactor, nameof(SeasonalFactor)), (TrendFactor, nameof(TrendFactor)), (ShapeletCoefficient, nameof(ShapeletCoefficient)),
            (ShapeletNoiseAmplitude, nameof(ShapeletNoiseAmplitude)), (ShapeletFrequency, nameof(ShapeletFrequency)),
        })
        {
            if (!double.IsFinite(v)) throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite.");
        }
        if (NoiseAmplitude < 0) throw new ArgumentOutOfRangeException(nameof(NoiseAmplitude), NoiseAmplitude, "NoiseAmplitude must be non-negative.");
        if (ShapeletNoiseAmplitude < 0) throw new ArgumentOutOfRangeException(nameof(ShapeletNoiseAmplitude), ShapeletNoiseAmplitude, "ShapeletNoiseAmplitude must be non-negative.");
        if (ContextualReplacementStd < 0) throw new ArgumentOutOfRangeException(nameof(ContextualReplacementStd), ContextualReplacementStd, "ContextualReplacementStd must be non-negative.");
    }
}
