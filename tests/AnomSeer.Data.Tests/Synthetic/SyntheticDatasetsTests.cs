using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

public class SyntheticDatasetsTests
{
    [Fact]
    public void The_paper_training_set_has_3200_samples_with_unique_ids()
    {
        var train = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 400, SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train)).ToList();
        Assert.Equal(3200, train.Count);
        Assert.Equal(3200, train.Select(s => s.Id).Distinct().Count());
        Assert.Equal("anomllm-train-range-0000", train[0].Id);
        Assert.Equal(AnomLlmTaskNames.All.Select(t => t.ToName()), train.Select(s => s.Task).Distinct());
        Assert.All(train, s => Assert.Equal(1000, s.Length));
        Assert.Equal(3407UL, SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train));
        Assert.Equal(42UL, SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Eval));
    }

    [Fact]
    public void Splits_differ_even_with_the_same_seed_and_counts_do_not_change_earlier_series()
    {
        var a = SyntheticDatasets.Vta(DatasetSplit.Train, 3, 0).ToList();
        var b = SyntheticDatasets.Vta(DatasetSplit.Eval, 3, 0).ToList();
        Assert.Equal(15, a.Count);
        Assert.NotEqual(a[0].Values, b[0].Values);
        var longer = SyntheticDatasets.Vta(DatasetSplit.Train, 5, 0).Where(s => s.Id.EndsWith("-0002")).First();
        Assert.Equal(a[2].Values, longer.Values);
        Assert.All(a, s => Assert.Equal(400, s.Length));
        Assert.Equal("vta-train-global-0000", a[0].Id);
    }
}
