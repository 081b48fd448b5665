using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class SeriesStatisticsTests
{
    [Fact]
    public void Hand_computed_mean_std_and_z()
    {
        double[] x = [1, 2, 3, 4];
        Assert.Equal(2.5, SeriesStatistics.Mean(x), 14);
        // population variance = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25
        Assert.Equal(Math.Sqrt(1.25), SeriesStatistics.PopulationStd(x), 14);
        var z = SeriesStatistics.ZScores(x);
        Assert.Equal(-1.5 / Math.Sqrt(1.25), z[0], 14);
        Assert.Equal(0.5 / Math.Sqrt(1.25), z[2], 14);
        Assert.Equal(1.5 / Math.Sqrt(1.25), SeriesStatistics.MaxAbsZScore(x), 14);
    }

    [Fact]
    public void Constant_series_has_zero_z_not_nan()
    {
        double[] x = [3, 3, 3, 3, 3];
        Assert.Equal(0, SeriesStatistics.MaxAbsZScore(x));
        Assert.All(SeriesStatistics.ZScores(x), v => Assert.Equal(0, v));
        Assert.Equal(0, SeriesStatistics.PopulationStd(x));
    }

    [Fact]
    public void Non_finite_and_empty_input_throw_naming_the_argument()
    {
        var e = Assert.Throws<ArgumentException>(() => SeriesStatistics.Mean([1, double.NaN]));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("index 1", e.Message);
        Assert.Throws<ArgumentException>(() => SeriesStatistics.PopulationStd([double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => SeriesStatistics.MaxAbsZScore([]));
    }

    [Fact]
    public void Mask_runs_are_half_open()
    {
        bool[] m = [false, true, true, false, true];
        Assert.Equal([new AnomalyInterval(1, 3), new AnomalyInterval(4, 5)], MaskRuns.ToIntervals(m));
        Assert.Empty(MaskRuns.ToIntervals([false, false]));
        Assert.Equal([new AnomalyInterval(0, 2)], MaskRuns.ToIntervals([true, true]));
    }
}
