using System.Text;
using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Experts;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Detection;

/// <summary>
/// An interpretable classical anomaly detector that needs neither ground truth nor a task name: it runs the ExpCoT
/// analyses on the series and decides from their evidence alone (global range → trend instability → period
/// instability → discord strength → normal), answering in the AnomSeer format. A drop-in baseline for any policy.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Decision: if max |z| is above <see cref="ExpertDetectorOptions.RangeZThreshold"/> and the k-sigma rule finds
/// intervals, the answer is "global point". Otherwise the series is smoothed when it looks noisy
/// (<see cref="DenoiseMode"/>), the trend, frequency and discord detectors run with the detector's thresholds, and
/// the detector whose statistic exceeds its threshold by the largest factor wins; if none does, "normal".
/// </remarks>
public sealed class ExpertDetector
{
    private readonly ExpertDetectorOptions _options;
    private readonly ExpCotOptions _analyses;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Options (copied); <see langword="null"/> for the defaults tuned on the train split.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ExpertDetector(ExpertDetectorOptions? options = null)
    {
        _options = (options ?? new ExpertDetectorOptions()).Clone();
        _options.Validate();
        _analyses = _options.Analyses.Clone();
        _analyses.RangeSigma = _options.RangeSigma;
        _analyses.TrendSigma = _options.TrendSigma;
        _analyses.FrequencySigma = _options.FrequencySigma;
        _analyses.DiscordZThreshold = _options.DiscordZThreshold;
        _analyses.TextStyle = ExpCotTextStyle.Clean;
    }

    /// <summary>A copy of the options in use.</summary>
    public ExpertDetectorOptions Options => _options.Clone();

    /// <summary>Detects anomalies in <paramref name="series"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentException">The series has missing values (interpolate them first).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ExpertDetection Detect(TimeSeries series, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.HasMissingValues)
            throw new ArgumentException("The series has missing values (NaN); build it with NonFiniteValuePolicy.Interpolate first.", nameof(series));
        return Detect(series.AsSpan(), cancellationToken);
    }

    /// <summary>Detects anomalies in raw values.</summary>
    /// <exception cref="ArgumentException">Empty input or a value that is not finite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ExpertDetection Detect(ReadOnlySpan<double> values, CancellationToken cancellationToken = default)
    {
        InputGuard.RequireLength(values, 1, nameof(values), "The expert detector");
        InputGuard.RequireFinite(values, nameof(values));
        var o = _options;
        if (values.Length < o.MinimumSeriesLength)
        {
            return new ExpertDetection(
                $"The series has only {values.Length} points, too short for the expert analyses (at least {o.MinimumSeriesLength} are needed), so I report no anomaly.",
                [], AnomalyClass.Normal, ExpertKind.None, [], false, 0);
        }

        var sb = new StringBuilder();
        double mu = SeriesStatistics.MeanUnchecked(values), sd = SeriesStatistics.StdUnchecked(values, mu);
        double zmax = SeriesStatistics.MaxAbsZScore(values);
        var findings = new List<ExpertFinding>();
        sb.Append($"Global scan: the mean is {PyFormat.Fixed(mu, 3)} and the std is {PyFormat.Fixed(sd, 3)}; the largest z-score is {PyFormat.Fixed(zmax, 2)}");
        if (zmax > o.RangeZThreshold)
        {
            var range = RangeExpert.Run(values, _analyses);
            findings.Add(range);
            sb.Append($", above {PyFormat.Float(o.RangeZThreshold)}, which points to out-of-range values. ").Append(range.Evidence).Append(' ');
            if (range.Intervals.Count > 0)
            {
                sb.Append($"Conclusion: {range.Intervals.Count} interval(s) of global point anomalies.");
                return new ExpertDetection(sb.ToString(), range.Intervals, AnomalyClass.GlobalPoint, ExpertKind.Range, findings, false, zmax);
            }
        }
        else
        {
            sb.Append($", not above {PyFormat.Float(o.RangeZThreshold)}, so there are no obvious global outliers. ");
        }

        ReadOnlySpan<double> y = values;
        bool denoised = false;
        int wl = ExpCotGenerator.DenoiseWindow(values.Length, _analyses);
        if (o.Denoise != DenoiseMode.Never && wl > _analyses.DenoisePolyorder)
        {
            double ratio = NoiseRatio(values, sd);
            if (o.Denoise == DenoiseMode.Always || ratio >= o.NoiseRatioThreshold)
            {
                y = SavitzkyGolay.Filter(values, wl, _analyses.DenoisePolyorder);
                denoised = true;
                sb.Append($"The point-to-point noise is about {PyFormat.Fixed(ratio, 2)} of the series' std, so I smoothed the series with a Savitzky–Golay filter (window {wl}) before the structural scans. ");
            }
        }

        var trend = TrendExpert.Run(y, _analyses);
        var freq = FrequencyExpert.Run(y, _analyses, cancellationToken);
        var discord = DiscordExpert.Run(y, _analyses, cancellationToken);
        findings.Add(trend);
        findings.Add(freq);
        findings.Add(discord);
        sb.Append(trend.Evidence).Append(' ').Append(freq.Evidence).Append(' ').Append(discord.Evidence).Append(' ');
        ExpertFinding? slope = null;
        if (o.UseSlopeShift)
        {
            slope = SlopeShiftExpert.Run(y, SeasonalPeriod(freq, y.Length), o.SlopeWindow, o.SlopeShiftSigma, o.SlopeRelativeFloor);
            findings.Add(slope);
            sb.Append(slope.Evidence).Append(' ');
        }

        ExpertFinding? best = null;
        double bestRatio = 1.0;
        Consider(trend, "max_gradient_deviation_sigma", o.TrendSigma, ref best, ref bestRatio);
        if (slope is not null) Consider(slope, "max_slope_deviation_sigma", o.SlopeShiftSigma, ref best, ref bestRatio);
        Consider(freq, "max_period_deviation_sigma", o.FrequencySigma, ref best, ref bestRatio);
        if (discord.Metrics.TryGetValue("discord_distance", out double dd) && dd >= o.DiscordMinimumDistance)
            Consider(discord, "discord_z", o.DiscordZThreshold, ref best, ref bestRatio);
        if (best is null)
        {
            sb.Append("Conclusion: no analysis shows significant evidence, so the series is normal.");
            return new ExpertDetection(sb.ToString(), [], AnomalyClass.Normal, ExpertKind.None, findings, denoised, zmax);
        }
        var cls = best.Kind.ToAnomalyClass();
        sb.Append($"Conclusion: the strongest evidence comes from the {Describe(best.Kind)} ({PyFormat.Fixed(bestRatio, 2)} times its threshold), so I report {best.Intervals.Count} interval(s) of {cls.ToCanonicalName()} anomalies.");
        return new ExpertDetection(sb.ToString(), best.Intervals, cls, best.Kind, findings, denoised, zmax);
    }

    // The typical period of the frequency scan, when it is a usable integer period (2 .. L/4); else 1.
    private static int SeasonalPeriod(ExpertFinding freq, int length)
    {
        if (!freq.Metrics.TryGetValue("period_mean", out double pm) || !double.IsFinite(pm)) return 1;
        int p = (int)Math.Round(pm);
        return p >= 2 && p <= length / 4 ? p : 1;
    }

    private static void Consider(ExpertFinding f, string metric, double threshold, ref ExpertFinding? best, ref double bestRatio)
    {
        if (!f.Applicable || f.Intervals.Count == 0 || !f.Metrics.TryGetValue(metric, out double v)) return;
        double ratio = threshold > 0 ? v / threshold : double.MaxValue;
        if (ratio > bestRatio || (best is null && ratio >= bestRatio))
        {
            best = f;
            bestRatio = ratio;
        }
    }

    private static string Describe(ExpertKind k) => k switch
    {
        ExpertKind.Trend => "trend scan",
        ExpertKind.Frequency => "sliding dominant-period (frequency) scan",
        ExpertKind.Discord => "matrix-profile discord scan",
        _ => "range scan",
    };

    // White noise of std σ gives second differences of variance 6σ²; a smooth signal gives almost none.
    internal static double NoiseRatio(ReadOnlySpan<double> x, double sd)
    {
        if (sd <= SeriesStatistics.DegenerateStdThreshold || x.Length < 3) return 0;
        var d2 = new double[x.Length - 2];
        for (int i = 1; i < x.Length - 1; i++) d2[i - 1] = x[i + 1] - 2 * x[i] + x[i - 1];
        double m = SeriesStatistics.MeanUnchecked(d2);
        return SeriesStatistics.StdUnchecked(d2, m) / Math.Sqrt(6) / sd;
    }
}
