using AnomSeer.Data.IO;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.IO;

public class TsadJsonlTests
{
    [Fact]
    public void Round_trip_is_exact()
    {
        using var tmp = new TempFolder();
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 5, 3407).ToList();
        samples.Add(new TsadSample("odd", "x", "y", "z", null, [double.Epsilon, -0.1, 1e300, 1 / 3.0], [new AnomalyInterval(1, 2)]));
        string path = tmp.File("d.jsonl");
        Assert.Equal(samples.Count, TsadJsonl.WriteAll(path, samples));
        var back = TsadJsonl.ReadAll(path).ToList();
        Assert.Equal(samples.Count, back.Count);
        for (int i = 0; i < samples.Count; i++)
        {
            Assert.Equal((samples[i].Id, samples[i].Suite, samples[i].Task, samples[i].Split, samples[i].Class),
                (back[i].Id, back[i].Suite, back[i].Task, back[i].Split, back[i].Class));
            Assert.Equal(samples[i].Values, back[i].Values); // bit-exact
            Assert.Equal(samples[i].Intervals, back[i].Intervals);
        }
        Assert.Equal(samples.Count, File.ReadLines(path).Count());
    }

    [Fact]
    public void Line_format_is_documented_json()
    {
        var s = new TsadSample("a", "anomllm", "range", "train", AnomalyClass.GlobalPoint, [0.5, 1], [new AnomalyInterval(0, 1)]);
        Assert.Equal("{\"id\":\"a\",\"suite\":\"anomllm\",\"task\":\"range\",\"split\":\"train\",\"class\":\"global point\",\"intervals\":[[0,1]],\"series\":[0.5,1]}",
            TsadJsonl.Serialize(s));
    }

    [Theory]
    [InlineData("{\"id\":\"b\",\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":null,\"intervals\":[],\"series\":[1,2", "not a valid TSAD sample")]
    [InlineData("{\"id\":\"b\",\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":\"weird\",\"intervals\":[],\"series\":[1]}", "\"class\"")]
    [InlineData("{\"id\":\"b\",\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":null,\"intervals\":[[3,2]],\"series\":[1]}", "\"intervals\"[0]")]
    [InlineData("{\"id\":\"b\",\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":null,\"intervals\":[[0,5]],\"series\":[1]}", "ends after the series end")]
    [InlineData("{\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":null,\"intervals\":[],\"series\":[1]}", "missing \"id\"")]
    [InlineData("{\"id\":\"b\",\"suite\":\"s\",\"task\":\"t\",\"split\":\"x\",\"class\":null,\"intervals\":[],\"series\":[1,\"x\"]}", "\"series\"[1]")]
    public void A_corrupt_line_is_an_error_naming_the_line(string badLine, string reason)
    {
        using var tmp = new TempFolder();
        string good = TsadJsonl.Serialize(new TsadSample("a", "s", "t", "x", null, [1.0], []));
        string path = tmp.File("d.jsonl", good + "\n\n" + good + "\n" + badLine + "\n" + good + "\n");
        using var e = TsadJsonl.ReadAll(path).GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext()); // streaming: the lines before the bad one are delivered
        var ex = Assert.Throws<DataFormatException>(() => e.MoveNext());
        Assert.Equal(4, ex.LineNumber);
        Assert.Equal(path, ex.FilePath);
        Assert.Contains("line 4", ex.Message);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void Writes_are_atomic()
    {
        using var tmp = new TempFolder();
        string path = tmp.File("d.jsonl", "old content\n");
        IEnumerable<TsadSample> Failing()
        {
            yield return new TsadSample("a", "s", "t", "x", null, [1.0], []);
            throw new InvalidOperationException("boom");
        }
        Assert.Throws<InvalidOperationException>(() => TsadJsonl.WriteAll(path, Failing()));
        Assert.Equal("old content\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(tmp.Path)); // no temporary file left behind

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => TsadJsonl.WriteAll(path, SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 2, 1), null, cts.Token));
        Assert.Equal("old content\n", File.ReadAllText(path));

        var seen = new List<int>();
        TsadJsonl.WriteAll(path, SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 1, 1), new SyncProgress(seen));
        Assert.Equal(Enumerable.Range(1, 8), seen);
        Assert.Equal(8, TsadJsonl.ReadAll(path).Count());
    }

    private sealed class SyncProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
