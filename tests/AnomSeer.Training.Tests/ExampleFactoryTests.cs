using AnomSeer.Data.Synthetic;

namespace AnomSeer.Training.Tests;

public class ExampleFactoryTests
{
    [Fact]
    public void Create_RendersThePlot_KeepsTheSeries_AndWritesTheExpCot()
    {
        var sample = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 1, 3).First();
        var example = new TimerPoExampleFactory().Create(sample);
        Assert.Equal(sample.Length, example.SeriesLength);
        Assert.Equal(sample.Length, example.Input.Series!.Count);
        Assert.Equal(3, example.Input.Image.Channels);
        Assert.Equal(sample.Intervals, example.GroundTruth);
        Assert.Equal(sample.Class, example.GroundTruthClass);
        Assert.False(string.IsNullOrWhiteSpace(example.ExpertReference));
        Assert.Equal(sample.Id, example.Id);
    }
}
