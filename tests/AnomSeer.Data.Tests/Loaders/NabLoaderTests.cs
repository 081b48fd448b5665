using AnomSeer.Data.IO;
using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Tests.Loaders;

public class NabLoaderTests
{
    [Fact]
    public void Loads_the_files_present_with_windows_as_half_open_index_intervals()
    {
        var all = NabLoader.Load(TempFolder.NabRoot);
        Assert.Equal(
            ["artificialNoAnomaly/art_daily_no_noise.csv", "artificialWithAnomaly/art_daily_jumpsup.csv",
             "realKnownCause/ec2_request_latency_system_failure.csv", "realKnownCause/nyc_taxi.csv"],
            all.Select(s => s.Name));

        // Expected indices from an independent timestamp lookup (Python csv + dict) over the same files;
        // NAB windows include both end timestamps, so the half-open end is index(end) + 1.
        var taxi = all.Single(s => s.Name.EndsWith("nyc_taxi.csv"));
        Assert.Equal(10320, taxi.Length);
        Assert.Equal(
            [new(5839, 6046), new(7080, 7287), new(8423, 8630), new(8731, 8938), new(9977, 10184)],
            taxi.Intervals);
        Assert.Equal(new DateTime(2014, 10, 30, 15, 30, 0), taxi.Series.Timestamps![5839]);
        Assert.Equal(new DateTime(2014, 11, 3, 22, 30, 0), taxi.Series.Timestamps![6045]);
        Assert.Equal(16749, taxi.Series.Values[5839]);

        var ec2 = all.Single(s => s.Name.StartsWith("realKnownCause/ec2"));
        Assert.Equal([new(2014, 2149), new(3328, 3463), new(3956, 4032)], ec2.Intervals);
        Assert.Equal(4032, ec2.Length); // the last window ends at the last row
        // This file repeats 2014-03-09 03:00:00 (rows 557-567): every row is kept, so indices are row numbers.
        Assert.Null(ec2.Series.Timestamps);
        Assert.Equal(ec2.Timestamps![556], ec2.Timestamps![557]);
        Assert.Equal(new DateTime(2014, 3, 21, 3, 41, 0), ec2.Timestamps![4031]);

        Assert.Equal([new AnomalyInterval(2787, 3190)], all.Single(s => s.Name.Contains("jumpsup")).Intervals);
        Assert.Empty(all.Single(s => s.Name.Contains("no_noise")).Intervals);
    }

    [Fact]
    public void An_unmatched_window_timestamp_is_an_error_naming_it()
    {
        using var tmp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(tmp.Path, "data", "x"));
        Directory.CreateDirectory(Path.Combine(tmp.Path, "labels"));
        tmp.File("data/x/a.csv", "timestamp,value\n2020-01-01 00:00:00,1\n2020-01-01 00:05:00,2\n2020-01-01 00:10:00,3\n");
        tmp.File("labels/combined_windows.json", "{\"x/a.csv\": [[\"2020-01-01 00:05:00.000000\", \"2020-01-01 00:07:00.000000\"]]}");
        var ex = Assert.Throws<DataFormatException>(() => NabLoader.Load(tmp.Path));
        Assert.Contains("x/a.csv", ex.Message);
        Assert.Contains("2020-01-01 00:07:00", ex.Message);

        tmp.File("labels/combined_windows.json", "{\"x/a.csv\": [[\"2020-01-01 00:05:00.000000\", \"2020-01-01 00:10:00.000000\"]]}");
        Assert.Equal([new AnomalyInterval(1, 3)], NabLoader.Load(tmp.Path).Single().Intervals);

        tmp.File("labels/combined_windows.json", "{}");
        Assert.Contains("no entry for 'x/a.csv'", Assert.Throws<DataFormatException>(() => NabLoader.Load(tmp.Path)).Message);
    }
}
