using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

/// <summary>Hand-computed rewards (method spec b.2): R = 0.7·mean(6 metrics) + 0.2·class + 0.1·format.</summary>
public class TsadRewardTests
{
    private static AnomalyInterval I(int s, int e) => new(s, e);

    private static string Response(string answer, string cls) => $"<think>because</think>\n<answer>{answer}</answer>\n<class>{cls}</class>";

    [Fact]
    public void Perfect_answer_scores_one()
    {
        var r = TsadReward.Score(Response("[[10, 20]]", "trend"), [I(10, 20)], AnomalyClass.Trend, 100);
        Assert.Equal(1.0, r.Total, 12);
        Assert.Equal(1.0, r.AffiliationF1, 12);
    }

    [Fact]
    public void Both_empty_scores_one()
    {
        var r = TsadReward.Score(Response("[]", "normal"), [], AnomalyClass.Normal, 1000);
        Assert.Equal(LocalizationScores.One, new LocalizationScores(r.Precision, r.Recall, r.F1, r.AffiliationPrecision, r.AffiliationRecall, r.AffiliationF1));
        Assert.Equal(1.0, r.Total, 12);
    }

    [Fact]
    public void Empty_prediction_against_anomalies_scores_format_only()
    {
        var r = TsadReward.Score(Response("[]", "normal"), [I(100, 130)], AnomalyClass.Trend, 1000);
        Assert.Equal(0, r.Localization);
        Assert.Equal(0, r.ClassCorrect);
        Assert.Equal(0.1, r.Total, 12);
    }

    [Fact]
    public void Prediction_on_a_normal_series_scores_zero_localisation()
    {
        var r = TsadReward.Score(Response("[[5, 9]]", "normal"), [], AnomalyClass.Normal, 1000);
        Assert.Equal(0, r.Localization);
        Assert.Equal(1, r.ClassCorrect);
        Assert.Equal(0.2 + 0.1, r.Total, 12);
    }

    [Fact]
    public void Unparseable_answer_scores_class_only()
    {
        var r = TsadReward.Score(Response("none", "trend"), [I(1, 5)], AnomalyClass.Trend, 100);
        Assert.Null(r.Answer.Intervals);
        Assert.Equal(0, r.Format);
        Assert.Equal(0.2, r.Total, 12);
        var garbage = TsadReward.Score("I think index 300", [I(1, 5)], AnomalyClass.Trend, 100);
        Assert.Equal(0, garbage.Total);
    }

    [Fact]
    public void Wrong_class_loses_exactly_the_class_weight()
    {
        var r = TsadReward.Score(Response("[[10, 20]]", "seasonal"), [I(10, 20)], AnomalyClass.Trend, 100);
        Assert.Equal(0.8, r.Total, 12);
    }

    [Fact]
    public void Unknown_ground_truth_class_never_scores_class()
    {
        var r = TsadReward.Score(Response("[[10, 20]]", "trend"), [I(10, 20)], (AnomalyClass?)null, 100);
        Assert.Equal(0.8, r.Total, 12);
    }

    [Fact]
    public void Partial_overlap_hand_computed()
    {
        // T = 10, truth [4, 9), prediction [2, 6).
        // Point-wise: TP 2, FP 2, FN 3 → P = 0.5, R = 0.4, F1 = 4/9.
        // Affiliation (one event, zone [0, 10)): precision = (∫_0^2 F(d) dd + 2) / 4 with
        // F(d) = ((4 - d) + max(0, 1 - d)) / 10 → (0.6 + 0.05 + 2) / 4 = 0.6625;
        // recall = (2 + ∫_6^9 (6 + max(0, 16 - 2y)) / 10 dy) / 5 = (2 + 2.2) / 5 = 0.84.
        var r = TsadReward.Score(Response("[[2, 6]]", "trend"), [I(4, 9)], AnomalyClass.Trend, 10);
        Assert.Equal(0.5, r.Precision, 12);
        Assert.Equal(0.4, r.Recall, 12);
        Assert.Equal(4.0 / 9, r.F1, 12);
        Assert.Equal(0.6625, r.AffiliationPrecision, 9);
        Assert.Equal(0.84, r.AffiliationRecall, 9);
        double affF1 = 2 * 0.6625 * 0.84 / (0.6625 + 0.84);
        Assert.Equal(affF1, r.AffiliationF1, 9);
        double loc = (0.5 + 0.4 + 4.0 / 9 + 0.6625 + 0.84 + affF1) / 6;
        Assert.Equal(0.7 * loc + 0.2 + 0.1, r.Total, 9);
    }

    [Fact]
    public void Missing_think_block_loses_the_format_weight()
    {
        var r = TsadReward.Score("<answer>[[10, 20]]</answer><class>trend</class>", [I(10, 20)], AnomalyClass.Trend, 100);
        Assert.Equal(0.9, r.Total, 12);
    }

    [Fact]
    public void Prediction_beyond_the_series_is_clipped_away()
    {
        var r = TsadReward.Score(Response("[[2000, 3000]]", "trend"), [I(10, 20)], AnomalyClass.Trend, 1000);
        Assert.Equal(0, r.Localization);
        Assert.Equal(0.3, r.Total, 12);
    }

    [Fact]
    public void Custom_weights_apply_and_are_validated()
    {
        var r = TsadReward.Score(Response("[[10, 20]]", "seasonal"), [I(10, 20)], AnomalyClass.Trend, 100, new RewardWeights(1, 0, 0));
        Assert.Equal(1.0, r.Total, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => TsadReward.Score("", [], AnomalyClass.Normal, 10, new RewardWeights(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TsadReward.Score("", [], AnomalyClass.Normal, 0));
    }
}
