using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

/// <summary>
/// The two published examples of the affiliation reference (ahstat/affiliation-metrics-py), with the
/// exact values derived by hand from the definitions (derivations in the comments).
/// </summary>
public class AffiliationPublishedExamplesTests
{
    private const double Tight = 1e-12;

    private static AnomalyInterval[] Events(params (int Start, int End)[] e) =>
        e.Select(x => new AnomalyInterval(x.Start, x.End)).ToArray();

    [Fact]
    public void Readme_example_matches_rounded_published_values_and_exact_fractions()
    {
        // pred (4,5),(8,9); gt (3,4),(7,10); Trange (0,10). Zones: E1 = [0, 5.5), E2 = [5.5, 10).
        var r = AffiliationMetrics.Compute(Events((4, 5), (8, 9)), Events((3, 4), (7, 10)), 0, 10);

        // Published (rounded to two decimals): precision 0.82, recall 0.84.
        Assert.Equal(0.82, Math.Round(r.Precision, 2));
        Assert.Equal(0.84, Math.Round(r.Recall, 2));

        // Precision 1: x in [4,5), |E|·F̄ = (7 − x) + (5.5 − x); ∫ = 3.5; / (5.5·1) = 7/11.
        // Precision 2: [8,9) lies inside J2, so 1.
        Assert.Equal(7.0 / 11, r.IndividualPrecisionProbabilities[0], Tight);
        Assert.Equal(1.0, r.IndividualPrecisionProbabilities[1], Tight);
        // Recall 1: y in [3,4), d = 4 − y, covered = 4 − (2y − 4); ∫ = 1; (1 − 1/5.5) / 1 = 9/11.
        // Recall 2: [7,8): covered 16 − 2y, ∫ = 1; [8,9): 0; [9,10): min(10, 2y − 9) − 9, ∫ = 0.75;
        //           (3 − 1.75/4.5) / 3 = 47/54.
        Assert.Equal(9.0 / 11, r.IndividualRecallProbabilities[0], Tight);
        Assert.Equal(47.0 / 54, r.IndividualRecallProbabilities[1], Tight);

        double p = 9.0 / 11, rec = 1003.0 / 1188;
        Assert.Equal(p, r.Precision, Tight);
        Assert.Equal(rec, r.Recall, Tight);
        Assert.Equal(2 * p * rec / (p + rec), r.F1, Tight);

        // Distances: ∫_4^5 (x − 4) = 1/2 over length 1; 0; ∫_3^4 (4 − y) = 1/2 over 1; (1/2 + 1/2) / 3.
        Assert.Equal(0.5, r.IndividualPrecisionDistances[0], Tight);
        Assert.Equal(0.0, r.IndividualPrecisionDistances[1], Tight);
        Assert.Equal(0.5, r.IndividualRecallDistances[0], Tight);
        Assert.Equal(1.0 / 3, r.IndividualRecallDistances[1], Tight);
    }

    [Fact]
    public void Test_metrics_example_matches_every_published_individual_distance()
    {
        // pred (1,3),(6,18),(25,26); gt (1,8),(16,17),(25,28),(29,31); Trange (1,31).
        var r = AffiliationMetrics.Compute(
            Events((1, 3), (6, 18), (25, 26)),
            Events((1, 8), (16, 17), (25, 28), (29, 31)),
            1,
            31);

        Assert.Equal(4, r.IndividualPrecisionDistances.Count);
        Assert.Equal(8.0 / 8, r.IndividualPrecisionDistances[0], Tight);
        Assert.Equal(8.5 / 6, r.IndividualPrecisionDistances[1], Tight);
        Assert.Equal(0.0, r.IndividualPrecisionDistances[2], Tight);
        Assert.True(double.IsNaN(r.IndividualPrecisionDistances[3]));

        Assert.Equal(2.25 / 7, r.IndividualRecallDistances[0], Tight);
        Assert.Equal(0.0 / 1, r.IndividualRecallDistances[1], Tight);
        Assert.Equal(2.0 / 3, r.IndividualRecallDistances[2], Tight);
        Assert.True(double.IsPositiveInfinity(r.IndividualRecallDistances[3]));
    }

    [Fact]
    public void Test_metrics_example_probabilities_match_hand_derivation()
    {
        var r = AffiliationMetrics.Compute(
            Events((1, 3), (6, 18), (25, 26)),
            Events((1, 8), (16, 17), (25, 28), (29, 31)),
            1,
            31);

        // Zones: E1 = [1,12), E2 = [12,21), E3 = [21,28.5), E4 = [28.5,31).
        // P1: [1,3) and [6,8) inside J1 (11 each per unit); [8,12): |E|·F̄ = 12 − x, ∫ = 8;
        //     (22 + 22 + 8) / (11·8) = 13/22.
        // P2: [12,16): 2(x − 12), ∫ = 16; [16,17): 9; [17,18): 2(21 − x), ∫ = 7; 32 / (9·6) = 16/27.
        // P3: inside J3, 1. P4: undefined.
        Assert.Equal(13.0 / 22, r.IndividualPrecisionProbabilities[0], Tight);
        Assert.Equal(16.0 / 27, r.IndividualPrecisionProbabilities[1], Tight);
        Assert.Equal(1.0, r.IndividualPrecisionProbabilities[2], Tight);
        Assert.True(double.IsNaN(r.IndividualPrecisionProbabilities[3]));

        // R1: [1,3) and [6,8) covered (2 + 2); [3,4.5): covered 2y − 6, ∫ = 2.25; [4.5,6): 12 − 2y, ∫ = 2.25;
        //     (4 + 3 − 4.5/11) / 7 = 145/154.
        // R2: J2 inside the prediction, 1.
        // R3: [25,26) covered (1); [26,28): covered min(28.5, 2y − 26) − 26, ∫ = 1.5625 + 1.875 = 55/16;
        //     (1 + 2 − (55/16)/7.5) / 3 = 61/72.
        // R4: no prediction in E4, 0.
        Assert.Equal(145.0 / 154, r.IndividualRecallProbabilities[0], Tight);
        Assert.Equal(1.0, r.IndividualRecallProbabilities[1], Tight);
        Assert.Equal(61.0 / 72, r.IndividualRecallProbabilities[2], Tight);
        Assert.Equal(0.0, r.IndividualRecallProbabilities[3]);

        double p = (13.0 / 22 + 16.0 / 27 + 1) / 3;
        double rec = (145.0 / 154 + 1 + 61.0 / 72 + 0) / 4;
        Assert.Equal(p, r.Precision, Tight);
        Assert.Equal(rec, r.Recall, Tight);
        Assert.Equal(2 * p * rec / (p + rec), r.F1, Tight);
    }
    [Fact]
    public void Paper_example_matches_published_distances_and_probabilities()
    {
        // The worked example of Huet et al. (KDD 2022), in minutes, as published in the reference tests.
        var r = AffiliationMetrics.Compute(
            Events((5 * 60, 6 * 60), (7 * 60, 10 * 60), (11 * 60, 12 * 60), (40 * 60, 60 * 60),
                   (115 * 60, 130 * 60), (135 * 60, 140 * 60), (165 * 60, 170 * 60)),
            Events((0, 10 * 60), (50 * 60, 70 * 60), (170 * 60, 175 * 60)),
            0,
            180 * 60);

        Assert.Equal(18.0, r.IndividualPrecisionDistances[0], 1e-9);
        Assert.Equal(60 * 11.5, r.IndividualPrecisionDistances[1], 1e-9);
        Assert.Equal(60 * 31.25, r.IndividualPrecisionDistances[2], 1e-9);
        Assert.Equal(76.5, r.IndividualRecallDistances[0], 1e-9);
        Assert.Equal(60 * 2.5, r.IndividualRecallDistances[1], 1e-9);
        Assert.Equal(60 * 2.5, r.IndividualRecallDistances[2], 1e-9);
        // Published to 9 decimals.
        Assert.Equal(0.672222222, r.IndividualPrecisionProbabilities[1], 1e-9);
        Assert.Equal(0.944444444, r.IndividualRecallProbabilities[1], 1e-9);
    }

    [Theory]
    [InlineData(new[] { 1, 3, 5, 10 }, new[] { 1, 8, 16, 17 }, (0 + 2.0 * 2 / 2) / 7, (1.0 / 2 + 1.0 / 2) / 7)]
    [InlineData(new[] { 1, 3 }, new[] { 1, 8, 16, 17 }, 0.0, 5.0 * 5 / 2 / 7)]
    [InlineData(new[] { 1, 3, 5, 10 }, new[] { 1, 8 }, (0 + 2.0 * 2 / 2) / 7, (1.0 / 2 + 1.0 / 2) / 7)]
    [InlineData(new[] { 2, 3 }, new[] { 1, 8 }, 0.0, (1.0 / 2 + 5.0 * 5 / 2) / 7)]
    [InlineData(new[] { 1, 3 }, new[] { 1, 8 }, 0.0, 5.0 * 5 / 2 / 7)]
    public void Reference_single_event_examples_match_published_distances(int[] pred, int[] gt, double precisionDistance, double recallDistance)
    {
        // Trange (1, 31). The recall distance of pred (2,3) is not published; it is hand-computed:
        // ∫_1^2 (2 − y) dy + ∫_3^8 (y − 3) dy = 1/2 + 25/2, over |J| = 7.
        static AnomalyInterval[] Pairs(int[] b) =>
            Enumerable.Range(0, b.Length / 2).Select(i => new AnomalyInterval(b[2 * i], b[2 * i + 1])).ToArray();
        var r = AffiliationMetrics.Compute(Pairs(pred), Pairs(gt), 1, 31);

        Assert.Equal(precisionDistance, r.IndividualPrecisionDistances[0], Tight);
        Assert.Equal(recallDistance, r.IndividualRecallDistances[0], Tight);
        if (gt.Length > 2)
        {
            Assert.True(double.IsNaN(r.IndividualPrecisionDistances[1]));
            Assert.True(double.IsPositiveInfinity(r.IndividualRecallDistances[1]));
        }
    }
}
