namespace AnomSeer.Core.Tests;

public class DomainTypesTests
{
    [Fact]
    public void Interval_is_half_open()
    {
        var i = new AnomalyInterval(3, 5);
        Assert.Equal(2, i.Length);
        Assert.True(i.Contains(3));
        Assert.True(i.Contains(4));
        Assert.False(i.Contains(5));
        Assert.Equal("[3, 5)", i.ToString());
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 2)]
    public void Interval_rejects_invalid_bounds(int s, int e) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnomalyInterval(s, e));

    [Theory]
    [InlineData("contextual", AnomalyClass.ContextualPoint)]
    [InlineData("  Contextual   POINT ", AnomalyClass.ContextualPoint)]
    [InlineData("GLOBAL", AnomalyClass.GlobalPoint)]
    [InlineData("global\tpoint", AnomalyClass.GlobalPoint)]
    [InlineData("Seasonal", AnomalyClass.Seasonal)]
    [InlineData("trend", AnomalyClass.Trend)]
    [InlineData("shapelet", AnomalyClass.Shapelet)]
    [InlineData("normal", AnomalyClass.Normal)]
    public void Class_names_parse_tolerantly(string text, AnomalyClass expected)
    {
        Assert.True(AnomalyClassNames.TryParse(text, out var c));
        Assert.Equal(expected, c);
    }

    [Theory]
    [InlineData("")]
    [InlineData("point")]
    [InlineData("contextualpoint")]
    [InlineData("unknown")]
    public void Unknown_class_names_are_rejected(string text)
    {
        Assert.False(AnomalyClassNames.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AnomalyClassNames.Parse(text));
    }

    [Fact]
    public void Canonical_names_round_trip()
    {
        foreach (var c in AnomalyClassNames.All)
            Assert.Equal(c, AnomalyClassNames.Parse(c.ToCanonicalName()));
        Assert.Equal("contextual point", AnomalyClass.ContextualPoint.ToCanonicalName());
        Assert.Equal("global point", AnomalyClass.GlobalPoint.ToCanonicalName());
    }

    [Fact]
    public void TimeSeries_validates()
    {
        Assert.Throws<ArgumentException>(() => new TimeSeries([]));
        var ex = Assert.Throws<ArgumentException>(() => new TimeSeries([1, double.NaN, 3]));
        Assert.Contains("index 1", ex.Message);
        Assert.Throws<ArgumentException>(() => new TimeSeries([1, double.PositiveInfinity], nonFinitePolicy: NonFiniteValuePolicy.AllowMissing));
        var t0 = new DateTime(2020, 1, 1);
        Assert.Throws<ArgumentException>(() => new TimeSeries([1, 2], [t0]));
        Assert.Throws<ArgumentException>(() => new TimeSeries([1, 2], [t0, t0]));
        var ok = new TimeSeries([1, 2], [t0, t0.AddMinutes(5)], "x");
        Assert.Equal(2, ok.Length);
        Assert.Equal("x", ok.Name);
    }

    [Fact]
    public void TimeSeries_nan_policies()
    {
        var kept = new TimeSeries([1, double.NaN, 3], nonFinitePolicy: NonFiniteValuePolicy.AllowMissing);
        Assert.True(kept.HasMissingValues);
        var filled = new TimeSeries([double.NaN, 1, double.NaN, double.NaN, 4, double.NaN], nonFinitePolicy: NonFiniteValuePolicy.Interpolate);
        Assert.Equal([1, 1, 2, 3, 4, 4], filled.ToArray());
        Assert.Throws<ArgumentException>(() => new TimeSeries([double.NaN, double.NaN], nonFinitePolicy: NonFiniteValuePolicy.Interpolate));
    }

    [Fact]
    public void TimeSeries_copies_its_input()
    {
        double[] v = [1, 2, 3];
        var s = new TimeSeries(v);
        v[0] = 99;
        Assert.Equal(1, s.Values[0]);
    }
}
