using AnomSeer.Data.Loaders;
using AnomSeer.Data.Random;
using AnomSeer.Data.Windowing;

namespace AnomSeer.Data.Tests.Windowing;

public class WindowingTests
{
    private static LabeledSeries SpikeSeries(int n, int spikeAt, out double spike)
    {
        var r = new SeededRandom(1);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.Normal(0, 1);
        spike = 50;
        v[spikeAt] = spike;
        return new LabeledSeries("spike", new TimeSeries(v), [new AnomalyInterval(spikeAt, spikeAt + 1)]);
    }

    [Fact]
    public void Downsampling_keeps_a_one_point_spike_and_its_label()
    {
        var s = SpikeSeries(20_000, 12_345, out double spike);
        var d = MinMaxDownsampler.Downsample(s, 1000);
        Assert.InRange(d.Series.Length, 2, 1000);
        int at = d.Series.Series.Values.ToList().IndexOf(spike);
        Assert.True(at >= 0, "the spike value must survive");
        Assert.Equal(12_345, d.SourceIndices[at]);
        var iv = Assert.Single(d.Series.Intervals);
        Assert.True(iv.Contains(at));
        Assert.InRange(iv.Length, 1, 2); // only the spike's bucket: its min and max
        // Every kept point is the min or max of its bucket (20000 / 500 = 40 points per bucket).
        for (int k = 0; k < d.Series.Length; k++)
        {
            int src = d.SourceIndices[k], b = src / 40;
            var bucket = s.Series.Values.Skip(b * 40).Take(40).ToArray();
            Assert.True(d.Series.Series.Values[k] == bucket.Min() || d.Series.Series.Values[k] == bucket.Max());
        }
        Assert.True(d.SourceIndices.Zip(d.SourceIndices.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Downsampled_labels_cover_exactly_the_buckets_an_interval_touches()
    {
        var v = Enumerable.Range(0, 100).Select(i => (double)(i % 7)).ToArray();
        var s = new LabeledSeries("x", new TimeSeries(v), [new AnomalyInterval(25, 31)]);
        var d = MinMaxDownsampler.Downsample(s, 20); // 10 buckets of 10 points
        var mask = new bool[d.Series.Length];
        foreach (var iv in d.Series.Intervals) for (int k = iv.Start; k < iv.End; k++) mask[k] = true;
        for (int k = 0; k < mask.Length; k++)
            Assert.Equal(d.SourceIndices[k] / 10 is 2 or 3, mask[k]);
    }

    [Fact]
    public void Short_series_are_left_alone()
    {
        var s = SpikeSeries(500, 10, out _);
        Assert.Same(s, MinMaxDownsampler.Downsample(s, 1000).Series);
        Assert.Same(s, Assert.Single(SeriesWindowing.Slide(s, 1000)).Series);
    }

    [Fact]
    public void Windows_cover_everything_and_carry_the_spike_label()
    {
        var s = SpikeSeries(2_500, 1_234, out double spike);
        var w = SeriesWindowing.Slide(s, 1000);
        Assert.Equal([0, 1000, 1500], w.Select(x => x.Offset));
        Assert.All(w, x => Assert.Equal(1000, x.Series.Length));
        foreach (var x in w)
        {
            bool has = x.Offset <= 1234 && 1234 < x.Offset + 1000;
            Assert.Equal(has ? [new AnomalyInterval(1234 - x.Offset, 1235 - x.Offset)] : [], x.Series.Intervals);
            if (has) Assert.Equal(spike, x.Series.Series.Values[1234 - x.Offset]);
        }
        var overlapping = SeriesWindowing.Slide(s, 1000, 500);
        Assert.Equal([0, 500, 1000, 1500], overlapping.Select(x => x.Offset));
    }

    [Fact]
    public void Intervals_crossing_a_boundary_are_split()
    {
        var s = new LabeledSeries("x", new TimeSeries(new double[30]), [new AnomalyInterval(8, 13)]);
        var w = SeriesWindowing.Slide(s, 10);
        Assert.Equal([new AnomalyInterval(8, 10)], w[0].Series.Intervals);
        Assert.Equal([new AnomalyInterval(0, 3)], w[1].Series.Intervals);
        Assert.Empty(w[2].Series.Intervals);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindowing.Slide(s, 10, 11)).ParamName);
    }
}
