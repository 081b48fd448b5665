using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class HbosTests
{
    [Fact]
    public void Hand_computed_histogram_and_scores()
    {
        // min 0, max 10, 10 bins of width 1: 0 -> bin 0 (4 values), 1 -> bin 1, 10 -> last bin.
        double[] x = [0, 0, 0, 0, 1, 10];
        var (binOf, counts) = Hbos.Histogram(x);
        Assert.Equal([0, 0, 0, 0, 1, 9], binOf);
        Assert.Equal([4, 1, 0, 0, 0, 0, 0, 0, 0, 1], counts);
        var s = Hbos.Scores(x);
        Assert.Equal(0, s[0]);
        Assert.Equal(Math.Log(4), s[4], 12);
        Assert.Equal(Math.Log(4), s[5], 12);
    }

    [Fact]
    public void Only_values_detached_by_an_empty_bin_are_flagged()
    {
        double[] x = [0, 0, 0, 0, 1, 10];
        Assert.Equal([false, false, false, false, false, true], Hbos.DetachedOutliers(x, scoreThreshold: 1.0));
        Assert.All(Hbos.DetachedOutliers(x, scoreThreshold: 2.0), Assert.False); // ln 4 < 2
    }

    [Fact]
    public void Constant_series_scores_zero()
        => Assert.All(Hbos.Scores([2, 2, 2]), v => Assert.Equal(0, v));

    [Fact]
    public void Bad_input_throws()
    {
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => Hbos.Scores([1, 2], 0)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Hbos.Scores([1, double.NaN])).ParamName);
    }
}
