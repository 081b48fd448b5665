using AnomSeer.Data.IO;
using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Tests.Loaders;

public class CsvSeriesLoaderTests
{
    [Fact]
    public void Value_only_without_header()
    {
        using var tmp = new TempFolder();
        var s = CsvSeriesLoader.Load(tmp.File("a.csv", "1.5\n-2e-3\n\n3\n"));
        Assert.Equal([1.5, -0.002, 3], s.Series.Values);
        Assert.Null(s.Series.Timestamps);
        Assert.Empty(s.Intervals);
    }

    [Fact]
    public void Header_in_any_order_with_labels_becoming_intervals()
    {
        using var tmp = new TempFolder();
        var s = CsvSeriesLoader.Load(tmp.File("a.csv",
            "label,value,timestamp\n0,1,2021-01-01 00:00:00\n1,2,2021-01-01 00:01:00\n1,3,2021-01-01 00:02:00\n0,4,2021-01-01 00:03:00\n1,5,2021-01-01 00:04:00\n"));
        Assert.Equal([1.0, 2, 3, 4, 5], s.Series.Values);
        Assert.Equal(new DateTime(2021, 1, 1, 0, 2, 0), s.Series.Timestamps![2]);
        Assert.Equal([new AnomalyInterval(1, 3), new AnomalyInterval(4, 5)], s.Intervals);
    }

    [Fact]
    public void Invariant_culture_regardless_of_the_current_culture()
    {
        using var tmp = new TempFolder();
        var old = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var s = CsvSeriesLoader.Load(tmp.File("a.csv", "timestamp,value\n2021-01-01 00:00:00,1.25\n"));
            Assert.Equal(1.25, s.Series.Values[0]);
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = old; }
    }

    [Theory]
    [InlineData("value\n1\nabc\n", 3, 1, "'abc' is not a number")]
    [InlineData("timestamp,value\n2021-01-01 00:00:00,1\n2021-13-01 00:00:00,2\n", 3, 1, "not a date/time")]
    [InlineData("timestamp,value,label\n2021-01-01 00:00:00,1,0\n2021-01-01 00:01:00,2,2\n", 3, 3, "label '2'")]
    [InlineData("timestamp,value\n2021-01-01 00:01:00,1\n2021-01-01 00:00:00,2\n", 3, 1, "strictly increasing")]
    [InlineData("timestamp,value\n2021-01-01 00:00:00,1\n2021-01-01 00:01:00\n", 3, 0, "expected 2 fields")]
    [InlineData("value\n1\n\n\nNaN\n", 5, 1, "missing value")]
    public void A_malformed_row_names_file_line_and_column(string content, int line, int column, string reason)
    {
        using var tmp = new TempFolder();
        string path = tmp.File("bad.csv", content);
        var ex = Assert.Throws<DataFormatException>(() => CsvSeriesLoader.Load(path));
        Assert.Equal(path, ex.FilePath);
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal(column, ex.ColumnNumber);
        Assert.Contains(reason, ex.Message);
        Assert.StartsWith($"{path}, line {line}", ex.Message);
    }

    [Fact]
    public void Missing_values_can_be_interpolated()
    {
        using var tmp = new TempFolder();
        var s = CsvSeriesLoader.Load(tmp.File("a.csv", "value\n1\n\n\nnan\n4\n".Replace("\n\n\n", "\n\n")),
            new CsvSeriesOptions { NonFiniteValues = NonFiniteValuePolicy.Interpolate });
        Assert.Equal([1.0, 2.5, 4], s.Series.Values);
    }

    [Fact]
    public void Intervals_from_a_separate_file()
    {
        using var tmp = new TempFolder();
        string data = tmp.File("a.csv", string.Join("\n", Enumerable.Range(0, 10)) + "\n");
        var s = CsvSeriesLoader.Load(data, tmp.File("a.intervals.csv", "start,end\n6,8\n1,3\n"));
        Assert.Equal([new AnomalyInterval(1, 3), new AnomalyInterval(6, 8)], s.Intervals);

        var ex = Assert.Throws<DataFormatException>(() => CsvSeriesLoader.Load(data, tmp.File("b.csv", "1,3\n5,5\n")));
        Assert.Equal((2, 2), (ex.LineNumber, ex.ColumnNumber));
        ex = Assert.Throws<DataFormatException>(() => CsvSeriesLoader.Load(data, tmp.File("c.csv", "1,3\n8,11\n")));
        Assert.Contains("ends after the series end (10)", ex.Message);
    }
}
