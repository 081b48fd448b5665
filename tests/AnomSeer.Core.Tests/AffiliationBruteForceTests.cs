using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

/// <summary>
/// Agreement of the exact affiliation integrals with <see cref="AffiliationBruteForce"/> on random cases.
/// </summary>
public class AffiliationBruteForceTests
{
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData(20260101, 150, 0)]
    [InlineData(7, 100, 5)]
    public void Exact_integrals_agree_with_brute_force_on_random_cases(int seed, int cases, int maxRangeStart)
    {
        var rng = new Random(seed);
        for (int c = 0; c < cases; c++)
        {
            int t = rng.Next(20, 2001);
            int rangeStart = rng.Next(0, maxRangeStart + 1);
            int rangeEnd = rangeStart + t;
            var truth = RandomTruth(rng, rangeStart, rangeEnd, rng.Next(1, 6));
            var predicted = RandomPredicted(rng, rangeStart, rangeEnd, rng.Next(0, 7));
            AssertAgreement(predicted, truth, rangeStart, rangeEnd, $"seed {seed} case {c}");
        }
    }

    [Fact]
    public void Short_series_with_predictions_straddling_zones_agree_with_brute_force()
    {
        // Tiny ranges make predictions cross zone borders and hit the mirrored borders often.
        var rng = new Random(99);
        for (int c = 0; c < 200; c++)
        {
            int t = rng.Next(6, 30);
            var truth = RandomTruth(rng, 0, t, rng.Next(1, 4));
            var predicted = RandomPredicted(rng, 0, t, rng.Next(0, 7));
            AssertAgreement(predicted, truth, 0, t, $"short case {c}");
        }
    }

    [Fact]
    public void Many_events_beyond_the_stack_buffer_agree_with_brute_force()
    {
        var rng = new Random(5);
        var truth = Enumerable.Range(0, 80).Select(i => (Start: 10 * i + 2, End: 10 * i + 2 + rng.Next(1, 5))).ToArray();
        var predicted = Enumerable.Range(0, 90).Select(_ =>
        {
            int s = rng.Next(0, 795);
            return (Start: s, End: s + rng.Next(1, 6));
        }).ToArray();
        AssertAgreement(predicted, truth, 0, 800, "80 events");
    }

    private static void AssertAgreement((int Start, int End)[] predicted, (int Start, int End)[] truth, int rangeStart, int rangeEnd, string label)
    {
        var expected = AffiliationBruteForce.Evaluate(predicted, truth, rangeStart, rangeEnd);
        var actual = AffiliationMetrics.Compute(
            predicted.Select(p => new AnomalyInterval(p.Start, p.End)).ToArray(),
            truth.Select(g => new AnomalyInterval(g.Start, g.End)).ToArray(),
            rangeStart,
            rangeEnd);

        Close(expected.Precision, actual.Precision, 1, label + " precision");
        Close(expected.Recall, actual.Recall, 1, label + " recall");
        for (int j = 0; j < truth.Length; j++)
        {
            Close(expected.Precisions[j], actual.IndividualPrecisionProbabilities[j], 1, $"{label} P[{j}]");
            Close(expected.Recalls[j], actual.IndividualRecallProbabilities[j], 1, $"{label} R[{j}]");
            Close(expected.PrecisionDistances[j], actual.IndividualPrecisionDistances[j], Math.Abs(expected.PrecisionDistances[j]), $"{label} Pd[{j}]");
            Close(expected.RecallDistances[j], actual.IndividualRecallDistances[j], Math.Abs(expected.RecallDistances[j]), $"{label} Rd[{j}]");
        }
    }

    private static void Close(double expected, double actual, double scale, string label)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{label}: expected {expected}, got {actual}");
            return;
        }
        double tolerance = Tolerance * Math.Max(1, double.IsFinite(scale) ? scale : 1);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{label}: expected {expected}, got {actual}");
    }

    /// <summary>Sorted ground-truth events with at least one free index between neighbours.</summary>
    private static (int Start, int End)[] RandomTruth(Random rng, int rangeStart, int rangeEnd, int count)
    {
        int t = rangeEnd - rangeStart;
        while (true)
        {
            var events = Enumerable.Range(0, count).Select(_ =>
            {
                int length = rng.Next(1, Math.Max(2, t / 8));
                int start = rng.Next(rangeStart, rangeEnd - length + 1);
                return (Start: start, End: start + length);
            }).OrderBy(e => e.Start).ToArray();
            bool separated = true;
            for (int i = 1; i < events.Length; i++)
                separated &= events[i].Start > events[i - 1].End;
            if (separated)
                return events;
        }
    }

    /// <summary>Unsorted predictions that may overlap or touch.</summary>
    private static (int Start, int End)[] RandomPredicted(Random rng, int rangeStart, int rangeEnd, int count)
    {
        int t = rangeEnd - rangeStart;
        return Enumerable.Range(0, count).Select(_ =>
        {
            int length = rng.Next(1, Math.Max(2, t / 4));
            int start = rng.Next(rangeStart, rangeEnd - length + 1);
            return (Start: start, End: start + length);
        }).ToArray();
    }
}
