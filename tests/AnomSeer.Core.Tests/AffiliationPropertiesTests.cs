using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

/// <summary>Limiting cases and invariances of the affiliation metrics.</summary>
public class AffiliationPropertiesTests
{
    private static AnomalyInterval[] Events(params (int Start, int End)[] e) =>
        e.Select(x => new AnomalyInterval(x.Start, x.End)).ToArray();

    [Theory]
    [InlineData(0, 10, new[] { 3, 4 })]
    [InlineData(0, 100, new[] { 0, 5, 20, 30, 95, 100 })]
    [InlineData(2, 50, new[] { 2, 50 })]
    [InlineData(0, 1000, new[] { 10, 11, 500, 600, 998, 999 })]
    public void Perfect_prediction_scores_one(int rangeStart, int rangeEnd, int[] bounds)
    {
        var events = Enumerable.Range(0, bounds.Length / 2).Select(i => new AnomalyInterval(bounds[2 * i], bounds[2 * i + 1])).ToArray();
        var r = AffiliationMetrics.Compute(events, events, rangeStart, rangeEnd);
        Assert.Equal(1.0, r.Precision, 1e-15);
        Assert.Equal(1.0, r.Recall, 1e-15);
        Assert.Equal(1.0, r.F1, 1e-15);
        Assert.All(r.IndividualPrecisionDistances, d => Assert.Equal(0.0, d));
        Assert.All(r.IndividualRecallDistances, d => Assert.Equal(0.0, d));
    }

    [Fact]
    public void Empty_prediction_has_undefined_precision_and_zero_recall()
    {
        var r = AffiliationMetrics.Compute([], Events((3, 5), (10, 12)), 0, 20);
        Assert.True(double.IsNaN(r.Precision));
        Assert.Equal(0.0, r.Recall);
        Assert.Equal(0.0, r.F1);
        Assert.All(r.IndividualPrecisionDistances, d => Assert.True(double.IsNaN(d)));
        Assert.All(r.IndividualPrecisionProbabilities, p => Assert.True(double.IsNaN(p)));
        Assert.All(r.IndividualRecallDistances, d => Assert.True(double.IsPositiveInfinity(d)));
        Assert.All(r.IndividualRecallProbabilities, p => Assert.Equal(0.0, p));
    }

    [Fact]
    public void Precision_averages_only_zones_with_predictions()
    {
        // Only zone 1 has a prediction, exactly on its event: precision 1, recall (1 + 0) / 2.
        var r = AffiliationMetrics.Compute(Events((3, 5)), Events((3, 5), (10, 12)), 0, 20);
        Assert.Equal(1.0, r.Precision, 1e-15);
        Assert.Equal(0.5, r.Recall, 1e-15);
        Assert.Equal(2 * 0.5 / 1.5, r.F1, 1e-15);
        Assert.True(double.IsNaN(r.IndividualPrecisionProbabilities[1]));
    }

    [Fact]
    public void Unsorted_overlapping_and_touching_intervals_are_merged_first()
    {
        var merged = AffiliationMetrics.Compute(Events((2, 9), (14, 16)), Events((3, 8), (12, 15)), 0, 20);
        var raw = AffiliationMetrics.Compute(
            Events((14, 15), (5, 9), (2, 4), (15, 16), (3, 6)),
            Events((12, 14), (3, 5), (14, 15), (5, 8), (4, 6)),
            0,
            20);
        Assert.Equal(Events((3, 8), (12, 15)), raw.GroundTruthEvents);
        Assert.Equal(merged.Precision, raw.Precision, 1e-15);
        Assert.Equal(merged.Recall, raw.Recall, 1e-15);
        Assert.Equal(merged.IndividualPrecisionDistances, raw.IndividualPrecisionDistances);
        Assert.Equal(merged.IndividualRecallProbabilities, raw.IndividualRecallProbabilities);
    }

    [Fact]
    public void Single_event_covering_the_range_with_a_point_prediction_is_hand_computed()
    {
        // gt [0,10), Trange (0,10): the zone is the event, so any prediction inside has precision 1.
        // Recall: pred [0,1); for y in [1,10), d = y − 1, covered = min(10, 2y − 1) − 1;
        //   ∫_1^5.5 (2y − 2) dy = 20.25, ∫_5.5^10 9 dy = 40.5; (1 + 9 − 60.75/10) / 10 = 0.3925.
        var r = AffiliationMetrics.Compute(Events((0, 1)), Events((0, 10)), 0, 10);
        Assert.Equal(1.0, r.Precision, 1e-15);
        Assert.Equal(0.3925, r.Recall, 1e-14);
        // Mean distance from J to the prediction: ∫_1^10 (y − 1) dy / 10 = 40.5 / 10.
        Assert.Equal(4.05, r.IndividualRecallDistances[0], 1e-14);
    }

    [Fact]
    public void Result_is_independent_of_input_order()
    {
        var rng = new Random(3);
        var truth = Events((50, 60), (200, 230), (400, 401));
        for (int c = 0; c < 20; c++)
        {
            var pred = Enumerable.Range(0, 6).Select(_ => { int s = rng.Next(0, 480); return new AnomalyInterval(s, s + rng.Next(1, 20)); }).ToArray();
            var a = AffiliationMetrics.Compute(pred, truth, 0, 500);
            var b = AffiliationMetrics.Compute(pred.Reverse().ToArray(), truth.Reverse().ToArray(), 0, 500);
            Assert.Equal(a.Precision, b.Precision);
            Assert.Equal(a.Recall, b.Recall);
        }
    }
}
