using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

public class PointwiseMetricsTests
{
    private static AnomalyInterval I(int s, int e) => new(s, e);

    [Fact]
    public void Hand_computed_case()
    {
        // T = 10; predicted {2,3,4,5}, truth {4,5,6,7,8}: TP 2, FP 2, FN 3.
        var r = PointwiseMetrics.Compute([I(2, 6)], [I(4, 9)], 10);
        Assert.Equal(2, r.TruePositives);
        Assert.Equal(2, r.FalsePositives);
        Assert.Equal(3, r.FalseNegatives);
        Assert.Equal(0.5, r.Precision, 12);
        Assert.Equal(0.4, r.Recall, 12);
        Assert.Equal(2 * 0.5 * 0.4 / 0.9, r.F1, 12);
    }

    [Fact]
    public void Zero_division_gives_zero()
    {
        var none = PointwiseMetrics.Compute([], [I(1, 3)], 10);
        Assert.Equal((0.0, 0.0, 0.0), (none.Precision, none.Recall, none.F1));
        var noTruth = PointwiseMetrics.Compute([I(1, 3)], [], 10);
        Assert.Equal((0.0, 0.0, 0.0), (noTruth.Precision, noTruth.Recall, noTruth.F1));
    }

    [Fact]
    public void Overlaps_and_clipping_are_handled_like_binary_vectors()
    {
        var r = PointwiseMetrics.Compute([I(0, 4), I(2, 6), I(8, 50)], [I(5, 9)], 10);
        // pred mask {0..5, 8, 9} = 8 points; truth {5,6,7,8}; TP {5, 8} = 2.
        Assert.Equal(2, r.TruePositives);
        Assert.Equal(6, r.FalsePositives);
        Assert.Equal(2, r.FalseNegatives);
    }

    [Fact]
    public void Agrees_with_mask_counting_on_random_cases()
    {
        var rng = new Random(7);
        for (int n = 0; n < 500; n++)
        {
            int T = rng.Next(1, 300);
            var p = RandomIntervals(rng, T);
            var g = RandomIntervals(rng, T);
            var pm = IntervalSet.ToMask(p, T);
            var gm = IntervalSet.ToMask(g, T);
            int tp = 0, fp = 0, fn = 0;
            for (int t = 0; t < T; t++)
            {
                if (pm[t] && gm[t]) tp++;
                else if (pm[t]) fp++;
                else if (gm[t]) fn++;
            }
            var r = PointwiseMetrics.Compute(p, g, T);
            Assert.Equal((tp, fp, fn), (r.TruePositives, r.FalsePositives, r.FalseNegatives));
            Assert.Equal(IntervalSet.FromMask(pm), IntervalSet.ClipAndMerge(p, 0, T));
        }
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PointwiseMetrics.Compute([], [], 0));
        Assert.Throws<ArgumentNullException>(() => PointwiseMetrics.Compute(null!, [], 3));
    }

    private static List<AnomalyInterval> RandomIntervals(Random rng, int T)
    {
        var list = new List<AnomalyInterval>();
        int k = rng.Next(0, 5);
        for (int i = 0; i < k; i++)
        {
            int s = rng.Next(0, T + 20);
            list.Add(new AnomalyInterval(s, s + rng.Next(1, 40)));
        }
        return list;
    }
}
