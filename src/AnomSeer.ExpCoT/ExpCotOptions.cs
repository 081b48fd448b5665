namespace AnomSeer.ExpCoT;

/// <summary>
/// Every parameter of the ExpCoT construction (method spec b.3). The defaults, in <see cref="Defaults"/>, are the
/// released code's values; each deviation from it is a named option.
/// </summary>
public sealed class ExpCotOptions
{
    /// <summary>The released code's values, each with the spec item it comes from.</summary>
    public static class Defaults
    {
        /// <summary>b.3 step 0: series shorter than this get the fixed short text.</summary>
        public const int MinimumSeriesLength = 20;
        /// <summary>b.3 step 1: task names containing this are denoised.</summary>
        public const string NoisyTaskMarker = "noisy";
        /// <summary>b.3 step 1: smallest denoising window, <c>wl = max(5, min(31, (L // 4) | 1))</c>.</summary>
        public const int DenoiseMinWindow = 5;
        /// <summary>b.3 step 1: largest denoising window (31 for L = 1000).</summary>
        public const int DenoiseMaxWindow = 31;
        /// <summary>b.3 step 1: Savitzky–Golay polynomial order of the denoising.</summary>
        public const int DenoisePolyorder = 2;
        /// <summary>b.3 step 2: route to the range detector when max |z| is above this.</summary>
        public const double RangeRouteZThreshold = 5.0;
        /// <summary>b.3 step 2: task names containing this go to the trend detector.</summary>
        public const string TrendTaskMarker = "trend";
        /// <summary>b.3 step 2: task names containing this go to the frequency detector.</summary>
        public const string FrequencyTaskMarker = "freq";
        /// <summary>g.4: HBOS bins (deviation <see cref="GlobalScan.Hbos"/> only).</summary>
        public const int HbosBins = 10;
        /// <summary>Deviation <see cref="GlobalScan.Hbos"/> only: a detached bin must hold at most 1/e³ ≈ 5 % of
        /// the fullest bin's count (score ≥ 3). Not from the paper.</summary>
        public const double HbosScoreThreshold = 3.0;
        /// <summary>b.3 step 3, range: k of the k-sigma rule.</summary>
        public const double RangeSigma = 3.0;
        /// <summary>b.3 step 3, trend: minimum series length.</summary>
        public const int TrendMinimumLength = 42;
        /// <summary>b.3 step 3, trend: Savitzky–Golay window before the gradient.</summary>
        public const int TrendSmoothingWindow = 21;
        /// <summary>b.3 step 3, trend: Savitzky–Golay order before the gradient.</summary>
        public const int TrendPolyorder = 2;
        /// <summary>b.3 step 3, trend: k of the gradient k-sigma rule.</summary>
        public const double TrendSigma = 3.0;
        /// <summary>b.3 step 3, trend: a gradient std below this gives the constant-trend text.</summary>
        public const double TrendDegenerateStd = 1e-6;
        /// <summary>b.3 step 3, point: minimum series length.</summary>
        public const int DiscordMinimumLength = 100;
        /// <summary>b.3 step 3, point: matrix-profile window m.</summary>
        public const int DiscordWindow = 50;
        /// <summary>b.3 step 3, point: the discord's z-score must be above this.</summary>
        public const double DiscordZThreshold = 3.5;
        /// <summary>b.3 step 3, frequency: minimum series length.</summary>
        public const int FrequencyMinimumLength = 300;
        /// <summary>b.3 step 3, frequency: sliding window w.</summary>
        public const int FrequencyWindow = 100;
        /// <summary>b.3 step 3, frequency: k of the period k-sigma rule.</summary>
        public const double FrequencySigma = 3.0;
        /// <summary>b.3 step 3, frequency: fewer valid periods than this give the "Could not determine" text.</summary>
        public const int FrequencyMinimumValidPeriods = 10;
        /// <summary>b.3 step 3, frequency: a period std below this gives the "highly stable" text.</summary>
        public const double FrequencyStablePeriodStd = 1.0;
    }

    /// <summary>Series shorter than this get the fixed short text (b.3 step 0).</summary>
    public int MinimumSeriesLength { get; set; } = Defaults.MinimumSeriesLength;

    /// <summary>Task names containing this (case-insensitive) are Savitzky–Golay denoised first (b.3 step 1).</summary>
    public string NoisyTaskMarker { get; set; } = Defaults.NoisyTaskMarker;

    /// <summary>Smallest denoising window (b.3 step 1).</summary>
    public int DenoiseMinWindow { get; set; } = Defaults.DenoiseMinWindow;

    /// <summary>Largest denoising window (b.3 step 1).</summary>
    public int DenoiseMaxWindow { get; set; } = Defaults.DenoiseMaxWindow;

    /// <summary>Polynomial order of the denoising (b.3 step 1).</summary>
    public int DenoisePolyorder { get; set; } = Defaults.DenoisePolyorder;

    /// <summary>The global scan (b.3 step 2; <see cref="GlobalScan.Hbos"/> is a deviation).</summary>
    public GlobalScan GlobalScan { get; set; } = GlobalScan.MaxZScore;

    /// <summary>Route to the range detector when max |z| is above this (b.3 step 2).</summary>
    public double RangeRouteZThreshold { get; set; } = Defaults.RangeRouteZThreshold;

    /// <summary>Task names containing this (case-insensitive) go to the trend detector (b.3 step 2).</summary>
    public string TrendTaskMarker { get; set; } = Defaults.TrendTaskMarker;

    /// <summary>Task names containing this (case-insensitive) go to the frequency detector (b.3 step 2).</summary>
    public string FrequencyTaskMarker { get; set; } = Defaults.FrequencyTaskMarker;

    /// <summary>HBOS bins, used with <see cref="GlobalScan.Hbos"/> (g.4).</summary>
    public int HbosBins { get; set; } = Defaults.HbosBins;

    /// <summary>HBOS score a detached bin must reach, used with <see cref="GlobalScan.Hbos"/>.</summary>
    public double HbosScoreThreshold { get; set; } = Defaults.HbosScoreThreshold;

    /// <summary>k of the range detector's k-sigma rule (b.3 step 3).</summary>
    public double RangeSigma { get; set; } = Defaults.RangeSigma;

    /// <summary>Minimum length for the trend detector (b.3 step 3).</summary>
    public int TrendMinimumLength { get; set; } = Defaults.TrendMinimumLength;

    /// <summary>Savitzky–Golay window before the gradient (b.3 step 3).</summary>
    public int TrendSmoothingWindow { get; set; } = Defaults.TrendSmoothingWindow;

    /// <summary>Savitzky–Golay order before the gradient (b.3 step 3).</summary>
    public int TrendPolyorder { get; set; } = Defaults.TrendPolyorder;

    /// <summary>k of the gradient k-sigma rule (b.3 step 3).</summary>
    public double TrendSigma { get; set; } = Defaults.TrendSigma;

    /// <summary>Gradient std below which the trend is reported constant (b.3 step 3).</summary>
    public double TrendDegenerateStd { get; set; } = Defaults.TrendDegenerateStd;

    /// <summary>Minimum length for the discord detector (b.3 step 3).</summary>
    public int DiscordMinimumLength { get; set; } = Defaults.DiscordMinimumLength;

    /// <summary>Matrix-profile window m (b.3 step 3).</summary>
    public int DiscordWindow { get; set; } = Defaults.DiscordWindow;

    /// <summary>The discord's z-score must be above this (b.3 step 3).</summary>
    public double DiscordZThreshold { get; set; } = Defaults.DiscordZThreshold;

    /// <summary>Minimum length for the frequency detector (b.3 step 3).</summary>
    public int FrequencyMinimumLength { get; set; } = Defaults.FrequencyMinimumLength;

    /// <summary>Sliding window of the dominant-period scan (b.3 step 3).</summary>
    public int FrequencyWindow { get; set; } = Defaults.FrequencyWindow;

    /// <summary>k of the period k-sigma rule (b.3 step 3).</summary>
    public double FrequencySigma { get; set; } = Defaults.FrequencySigma;

    /// <summary>Minimum number of valid periods (b.3 step 3).</summary>
    public int FrequencyMinimumValidPeriods { get; set; } = Defaults.FrequencyMinimumValidPeriods;

    /// <summary>Period std below which the period is reported highly stable (b.3 step 3).</summary>
    public double FrequencyStablePeriodStd { get; set; } = Defaults.FrequencyStablePeriodStd;

    /// <summary>
    /// Deviation: also scan the last window (L − w + 1 windows). The released code scans L − w windows
    /// (spec b.3 step 3), so the default is <see langword="false"/>.
    /// </summary>
    public bool FrequencyIncludeLastWindow { get; set; }

    /// <summary>How the text is written; <see cref="ExpCotTextStyle.Clean"/> by default,
    /// <see cref="ExpCotTextStyle.Released"/> for the released text byte for byte.</summary>
    public ExpCotTextStyle TextStyle { get; set; } = ExpCotTextStyle.Clean;

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names the property.</exception>
    /// <exception cref="ArgumentException">A task marker is empty.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSeriesLength, 1, nameof(MinimumSeriesLength));
        ArgumentException.ThrowIfNullOrEmpty(NoisyTaskMarker, nameof(NoisyTaskMarker));
        ArgumentException.ThrowIfNullOrEmpty(TrendTaskMarker, nameof(TrendTaskMarker));
        ArgumentException.ThrowIfNullOrEmpty(FrequencyTaskMarker, nameof(FrequencyTaskMarker));
        ArgumentOutOfRangeException.ThrowIfLessThan(DenoiseMinWindow, 1, nameof(DenoiseMinWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(DenoiseMaxWindow, DenoiseMinWindow, nameof(DenoiseMaxWindow));
        if (DenoiseMinWindow % 2 == 0) throw new ArgumentOutOfRangeException(nameof(DenoiseMinWindow), DenoiseMinWindow, "Must be odd.");
        if (DenoiseMaxWindow % 2 == 0) throw new ArgumentOutOfRangeException(nameof(DenoiseMaxWindow), DenoiseMaxWindow, "Must be odd.");
        if (DenoisePolyorder < 0 || DenoisePolyorder >= DenoiseMinWindow)
            throw new ArgumentOutOfRangeException(nameof(DenoisePolyorder), DenoisePolyorder, "Must be in [0, DenoiseMinWindow).");
        if (!Enum.IsDefined(GlobalScan)) throw new ArgumentOutOfRangeException(nameof(GlobalScan), GlobalScan, "Unknown GlobalScan.");
        if (!Enum.IsDefined(TextStyle)) throw new ArgumentOutOfRangeException(nameof(TextStyle), TextStyle, "Unknown ExpCotTextStyle.");
        RequireFiniteNonNegative(RangeRouteZThreshold, nameof(RangeRouteZThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(HbosBins, 1, nameof(HbosBins));
        RequireFiniteNonNegative(HbosScoreThreshold, nameof(HbosScoreThreshold));
        RequireFiniteNonNegative(RangeSigma, nameof(RangeSigma));
        if (TrendSmoothingWindow < 1 || TrendSmoothingWindow % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(TrendSmoothingWindow), TrendSmoothingWindow, "Must be a positive odd number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(TrendMinimumLength, TrendSmoothingWindow, nameof(TrendMinimumLength));
        if (TrendPolyorder < 0 || TrendPolyorder >= TrendSmoothingWindow)
            throw new ArgumentOutOfRangeException(nameof(TrendPolyorder), TrendPolyorder, "Must be in [0, TrendSmoothingWindow).");
        RequireFiniteNonNegative(TrendSigma, nameof(TrendSigma));
        RequireFiniteNonNegative(TrendDegenerateStd, nameof(TrendDegenerateStd));
        ArgumentOutOfRangeException.ThrowIfLessThan(DiscordWindow, 3, nameof(DiscordWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(DiscordMinimumLength, DiscordWindow, nameof(DiscordMinimumLength));
        RequireFiniteNonNegative(DiscordZThreshold, nameof(DiscordZThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(FrequencyWindow, 1, nameof(FrequencyWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(FrequencyMinimumLength, FrequencyWindow + 1, nameof(FrequencyMinimumLength));
        RequireFiniteNonNegative(FrequencySigma, nameof(FrequencySigma));
        ArgumentOutOfRangeException.ThrowIfLessThan(FrequencyMinimumValidPeriods, 1, nameof(FrequencyMinimumValidPeriods));
        RequireFiniteNonNegative(FrequencyStablePeriodStd, nameof(FrequencyStablePeriodStd));
    }

    /// <summary>A copy of these options.</summary>
    public ExpCotOptions Clone() => (ExpCotOptions)MemberwiseClone();

    private static void RequireFiniteNonNegative(double v, string name)
    {
        if (!double.IsFinite(v) || v < 0)
            throw new ArgumentOutOfRangeException(name, v, "Must be finite and non-negative.");
    }
}
