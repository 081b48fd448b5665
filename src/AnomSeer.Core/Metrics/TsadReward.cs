using AnomSeer.Answers;

namespace AnomSeer.Metrics;

/// <summary>
/// The TSAD reward of AnomSeer (method spec b.2): one scalar per response,
/// <c>R = 0.7·mean(P, R, F1, affP, affR, affF1) + 0.2·classCorrect + 0.1·format</c>.
/// </summary>
/// <remarks>
/// Empty-set conventions (spec b.2, d.1): an unparseable answer scores 0 on all six localisation
/// metrics; a predicted empty list against an empty ground truth scores 1 on all six; exactly one side
/// empty scores 0. Otherwise point-wise metrics come from the length-T binary vectors (intervals clipped
/// to <c>[0, T)</c>) and affiliation metrics from the runs of those vectors over <c>(0, T)</c>; an
/// undefined (NaN) affiliation value counts 0, and an empty ground-truth vector gives affiliation 0.
/// </remarks>
public static class TsadReward
{
    /// <summary>Scores a raw response against a ground truth with a known class.</summary>
    /// <param name="response">The model's full response text; anything, including null.</param>
    /// <param name="groundTruth">Ground-truth half-open intervals; empty for a normal series.</param>
    /// <param name="groundTruthClass">The ground-truth class.</param>
    /// <param name="seriesLength">The series length T, at least 1.</param>
    /// <param name="weights">Reward weights; the paper's 0.7 / 0.2 / 0.1 when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seriesLength"/> is less than 1, or a weight is invalid.</exception>
    public static RewardBreakdown Score(string? response, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass groundTruthClass,
        int seriesLength, RewardWeights? weights = null) =>
        Score(AnswerParser.Parse(response), groundTruth, (AnomalyClass?)groundTruthClass, seriesLength, weights);

    /// <summary>
    /// Scores a raw response when the ground-truth class may be unknown (<see langword="null"/>): then the
    /// class term is always 0, as in the reference for a task whose class maps to "".
    /// </summary>
    /// <inheritdoc cref="Score(string?, IReadOnlyList{AnomalyInterval}, AnomalyClass, int, RewardWeights?)"/>
    public static RewardBreakdown Score(string? response, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass? groundTruthClass,
        int seriesLength, RewardWeights? weights = null) =>
        Score(AnswerParser.Parse(response), groundTruth, groundTruthClass, seriesLength, weights);

    /// <summary>Scores an already parsed response.</summary>
    /// <param name="answer">The parsed response.</param>
    /// <param name="groundTruth">Ground-truth half-open intervals; empty for a normal series.</param>
    /// <param name="groundTruthClass">The ground-truth class, or null when unknown (class term 0).</param>
    /// <param name="seriesLength">The series length T, at least 1.</param>
    /// <param name="weights">Reward weights; the paper's 0.7 / 0.2 / 0.1 when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="answer"/> or <paramref name="groundTruth"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seriesLength"/> is less than 1, or a weight is invalid.</exception>
    public static RewardBreakdown Score(ParsedAnswer answer, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass? groundTruthClass,
        int seriesLength, RewardWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLength, 1);
        weights ??= RewardWeights.Paper;
        weights.Validate();

        var loc = Localization(answer.Intervals, groundTruth, seriesLength);
        double classCorrect = answer.Class is { } c && groundTruthClass is { } g && c == g ? 1 : 0;
        double format = answer.FormatOk ? 1 : 0;
        double mean = loc.Mean;
        double total = weights.Localization * mean + weights.Classification * classCorrect + weights.Format * format;
        return new RewardBreakdown(total, mean, loc.Precision, loc.Recall, loc.F1, loc.AffPrecision, loc.AffRecall, loc.AffF1,
            classCorrect, format, answer);
    }

    /// <summary>The six localisation metrics with the AnomSeer empty-set conventions.</summary>
    /// <param name="predicted">Predicted intervals, or null for an unparseable answer.</param>
    /// <param name="groundTruth">Ground-truth intervals.</param>
    /// <param name="seriesLength">The series length T.</param>
    public static LocalizationScores Localization(IReadOnlyList<AnomalyInterval>? predicted, IReadOnlyList<AnomalyInterval> groundTruth, int seriesLength)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLength, 1);
        if (predicted is null) return LocalizationScores.Zero;
        if (predicted.Count == 0 && groundTruth.Count == 0) return LocalizationScores.One;

        var pred = IntervalSet.ClipAndMerge(predicted, 0, seriesLength);
        var truth = IntervalSet.ClipAndMerge(groundTruth, 0, seriesLength);
        int predCount = IntervalSet.TotalLength(pred);
        int tp = IntervalSet.IntersectionLength(pred, truth);
        var pw = PointwiseMetrics.FromCounts(tp, predCount - tp, IntervalSet.TotalLength(truth) - tp);

        double affP = 0, affR = 0;
        if (truth.Count > 0)
        {
            var aff = AffiliationMetrics.Compute(pred, truth, 0, seriesLength);
            affP = Finite(aff.Precision);
            affR = Finite(aff.Recall);
        }
        double affF1 = affP + affR == 0 ? 0 : 2 * affP * affR / (affP + affR);
        return new LocalizationScores(pw.Precision, pw.Recall, pw.F1, affP, affR, affF1);
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
