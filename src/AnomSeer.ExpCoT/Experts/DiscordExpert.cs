using AnomSeer.ExpCoT.Analysis;
using AnomSeer.ExpCoT.Text;

namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// The contextual-point (matrix-profile discord) detector of method spec b.3 step 3: matrix profile with m = 50,
/// z-scores of the profile (population std), the arg-max <c>i*</c>; if its z-score is above 3.5 the interval is
/// <c>[i*, i* + m)</c>. Metrics: <c>discord_distance</c>, <c>discord_index</c>, <c>discord_z</c>, <c>intervals</c>.
/// </summary>
public static class DiscordExpert
{
    /// <summary>Runs the detector; not applicable below <see cref="ExpCotOptions.DiscordMinimumLength"/> values.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A value that is not finite.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static ExpertFinding Run(ReadOnlySpan<double> values, ExpCotOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        InputGuard.RequireFinite(values, nameof(values));
        int m = options.DiscordWindow;
        if (values.Length < options.DiscordMinimumLength)
        {
            return new ExpertFinding(ExpertKind.Discord, [],
                $"To detect contextual point anomalies, I would use the Matrix Profile (window={m}), but the series (length {values.Length}) is shorter than the {options.DiscordMinimumLength} points it needs, so no anomaly was identified.",
                new Dictionary<string, double> { ["intervals"] = 0 }, applicable: false);
        }
        var mp = MatrixProfile.Compute(values, m, cancellationToken: cancellationToken);
        int arg = 0;
        for (int i = 1; i < mp.Length; i++) if (mp[i] > mp[arg]) arg = i;
        double z = SeriesStatistics.ZScores(mp)[arg];
        double thr = options.DiscordZThreshold;
        bool found = z > thr;
        IReadOnlyList<AnomalyInterval> intervals = found ? [new AnomalyInterval(arg, arg + m)] : [];
        string head = $"To detect contextual point anomalies, I used the Matrix Profile (window={m}, ignoring trivial matches) to find the most unusual subsequence (discord). The computation revealed that the highest discord score is {PyFormat.Fixed(mp[arg], 2)}, located at index {arg}. ";
        string tail = options.TextStyle == ExpCotTextStyle.Released || found
            ? $"This score corresponds to a z-score of {PyFormat.Fixed(z, 2)}, which is above my threshold of {PyFormat.Float(thr)}, indicating a significant anomaly. Thus, {intervals.Count} anomaly was identified."
            : $"This score corresponds to a z-score of {PyFormat.Fixed(z, 2)}, which is not above my threshold of {PyFormat.Float(thr)}, so the discord is not significant. Thus, 0 anomalies were identified.";
        return new ExpertFinding(ExpertKind.Discord, intervals, head + tail, new Dictionary<string, double>
        {
            ["discord_distance"] = mp[arg],
            ["discord_index"] = arg,
            ["discord_z"] = z,
            ["intervals"] = intervals.Count,
        });
    }
}
