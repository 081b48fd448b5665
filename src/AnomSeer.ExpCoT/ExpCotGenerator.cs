using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Experts;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT;

/// <summary>
/// Builds the expert chain-of-thought (ExpCoT) of a training sample whose ground truth is known, following method
/// spec b.3: short-series text (step 0), Savitzky–Golay denoising for noisy tasks (step 1), routing by max |z| and
/// then by task name (step 2), the chosen detector (step 3), the ground-truth phrase (step 4) and the
/// Observation / Reasoning &amp; Validation / Conclusion assembly (step 5). Stateless and thread-safe.
/// </summary>
public sealed class ExpCotGenerator
{
    private readonly ExpCotOptions _options;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">Options (copied); <see langword="null"/> for the released code's defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ExpCotGenerator(ExpCotOptions? options = null)
    {
        _options = (options ?? new ExpCotOptions()).Clone();
        _options.Validate();
    }

    /// <summary>A copy of the options in use.</summary>
    public ExpCotOptions Options => _options.Clone();

    /// <summary>Generates the ExpCoT of <paramref name="series"/>.</summary>
    /// <param name="series">The series; missing values (NaN) are rejected: interpolate them first
    /// (<see cref="NonFiniteValuePolicy.Interpolate"/>).</param>
    /// <param name="groundTruth">Ground-truth half-open intervals (may be empty).</param>
    /// <param name="groundTruthClass">Ground-truth class (the text quotes its canonical name).</param>
    /// <param name="task">Task name, e.g. "range", "noisy-freq", "flat-trend"; routes the detector as the released
    /// code does. <see langword="null"/> or empty routes like an unknown task (range or matrix profile).</param>
    /// <param name="cancellationToken">Cancels the matrix-profile and period scans.</param>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> or <paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="ArgumentException">The series has missing values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groundTruthClass"/> is not defined.</exception>
    public ExpCotTrace Generate(TimeSeries series, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass groundTruthClass,
        string? task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.HasMissingValues)
            throw new ArgumentException("The series has missing values (NaN); build it with NonFiniteValuePolicy.Interpolate before generating an ExpCoT.", nameof(series));
        return Generate(series.AsSpan(), groundTruth, groundTruthClass, task, cancellationToken);
    }

    /// <summary>Generates the ExpCoT of raw values; see the <see cref="TimeSeries"/> overload.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="ArgumentException">Empty values or a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groundTruthClass"/> is not defined.</exception>
    public ExpCotTrace Generate(ReadOnlySpan<double> values, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass groundTruthClass,
        string? task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (!Enum.IsDefined(groundTruthClass))
            throw new ArgumentOutOfRangeException(nameof(groundTruthClass), groundTruthClass, "Not a defined AnomalyClass.");
        InputGuard.RequireLength(values, 1, nameof(values), "An ExpCoT");
        InputGuard.RequireFinite(values, nameof(values));
        var gt = groundTruth.OrderBy(i => i.Start).ThenBy(i => i.End).ToArray();
        var o = _options;
        string cls = groundTruthClass.ToCanonicalName();
        string gtText = PyFormat.Intervals(gt);
        bool released = o.TextStyle == ExpCotTextStyle.Released;

        if (values.Length < o.MinimumSeriesLength)
        {
            string shortText = Heading("Observation", released) + $"The series has only {values.Length} points, too short for the expert analyses. Ground truth labels {gtText} as {ClassMarkup(cls, released)}.\n"
                + Heading("Conclusion", released) + (gt.Length == 0
                    ? "No ground-truth anomalies are present; the series is treated as normal."
                    : $"We report the GT interval(s) {gtText} as the final localization for supervision.");
            return new ExpCotTrace(shortText, ExpertKind.None, null, false, 0, 0, gt, groundTruthClass);
        }

        string taskName = task ?? string.Empty;
        double[] x = values.ToArray();
        string pre = string.Empty;
        int wl = 0;
        if (taskName.Contains(o.NoisyTaskMarker, StringComparison.OrdinalIgnoreCase))
        {
            wl = DenoiseWindow(x.Length, o);
            if (wl > o.DenoisePolyorder)
            {
                x = SavitzkyGolay.Filter(x, wl, o.DenoisePolyorder);
                pre = $"[Preprocess] Applied Savitzky–Golay denoising (win={wl}). ";
            }
            else
            {
                wl = 0;
            }
        }

        double mu = SeriesStatistics.MeanUnchecked(x), sd = SeriesStatistics.StdUnchecked(x, mu);
        double zmax = SeriesStatistics.MaxAbsZScore(x);
        ExpertKind kind;
        string routing;
        int hbosFlagged = o.GlobalScan == GlobalScan.Hbos ? Hbos.DetachedOutliers(x, o.HbosScoreThreshold, o.HbosBins).Count(b => b) : 0;
        bool globalHit = o.GlobalScan == GlobalScan.Hbos ? hbosFlagged > 0 : zmax > o.RangeRouteZThreshold;
        if (globalHit)
        {
            kind = ExpertKind.Range;
            routing = o.GlobalScan == GlobalScan.Hbos ? RoutingReasoning.RangeByHbos(mu, sd, zmax, hbosFlagged) : RoutingReasoning.Range(mu, sd, zmax);
        }
        else if (taskName.Contains(o.TrendTaskMarker, StringComparison.OrdinalIgnoreCase))
        {
            kind = ExpertKind.Trend;
            routing = RoutingReasoning.Trend(zmax);
        }
        else if (taskName.Contains(o.FrequencyTaskMarker, StringComparison.OrdinalIgnoreCase))
        {
            kind = ExpertKind.Frequency;
            routing = RoutingReasoning.Frequency;
        }
        else
        {
            kind = ExpertKind.Discord;
            routing = RoutingReasoning.Discord(zmax);
        }

        var finding = RunExpert(kind, x, o, cancellationToken);
        string evidence = released
            ? finding.Evidence.Replace("To find", "The analysis", StringComparison.Ordinal).Replace("For", "The analysis", StringComparison.Ordinal)
            : finding.Evidence;
        string det = PyFormat.Intervals(finding.Intervals);
        string text =
            pre + Heading("Observation", released) + $"Ground truth labels {gtText} as {ClassMarkup(cls, released)}. {routing}\n"
            + Heading(released ? "Reasoning \\& Validation" : "Reasoning & Validation", released) + GroundTruthPhrase.For(gt, groundTruthClass, o.TextStyle) + evidence + "\n"
            + Heading("Conclusion", released) + (gt.Length == 0
                ? $"No ground-truth anomalies are present; the series is treated as normal. For reference, the detector proposed {det}."
                : $"We report the GT interval(s) {gtText} as the final localization for supervision. For reference, the detector proposed {det}.");
        return new ExpCotTrace(text, kind, finding, wl > 0, wl, zmax, gt, groundTruthClass);
    }

    internal static ExpertFinding RunExpert(ExpertKind kind, ReadOnlySpan<double> x, ExpCotOptions o, CancellationToken ct) => kind switch
    {
        ExpertKind.Range => RangeExpert.Run(x, o),
        ExpertKind.Trend => TrendExpert.Run(x, o),
        ExpertKind.Frequency => FrequencyExpert.Run(x, o, ct),
        ExpertKind.Discord => DiscordExpert.Run(x, o, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No detector for this kind."),
    };

    /// <summary>Spec b.3 step 1: <c>max(5, min(31, (L // 4) | 1))</c>, clamped to the largest odd number ≤ L.</summary>
    internal static int DenoiseWindow(int length, ExpCotOptions o)
    {
        int wl = Math.Max(o.DenoiseMinWindow, Math.Min(o.DenoiseMaxWindow, (length / 4) | 1));
        if (wl > length) wl = length % 2 == 1 ? length : length - 1;
        return wl;
    }

    private static string Heading(string name, bool released) => released ? $"\\textbf{{{name}}} — " : $"{name} — ";

    private static string ClassMarkup(string cls, bool released) => released ? $"\\textit{{{cls}}}" : cls;
}
