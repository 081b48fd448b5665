using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

/// <summary>The Table 1 column of each AnomLLM task (spec g.7), by value and by folder name.</summary>
public class AnomLlmTaskNamesTests
{
    [Theory]
    [InlineData("freq", "Frequency")]
    [InlineData("noisy-freq", "Frequency")]
    [InlineData("trend", "Trend")]
    [InlineData("noisy-trend", "Trend")]
    [InlineData("flat-trend", "Trend")]
    [InlineData("range", "Range")]
    [InlineData("point", "Point")]
    [InlineData("noisy-point", "Point")]
    public void PaperTableColumn_OfEveryTask(string name, string column)
    {
        Assert.Equal(column, AnomLlmTaskNames.PaperTableColumn(name));
        Assert.Equal(column, AnomLlmTaskNames.Parse(name).PaperTableColumn());
    }

    [Fact]
    public void PaperTableColumn_OfOtherNames_IsOther_AndUndefinedValuesThrow()
    {
        Assert.Equal("Other", AnomLlmTaskNames.PaperTableColumn("shapelet"));
        Assert.Equal("Other", AnomLlmTaskNames.PaperTableColumn((string?)null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ((AnomLlmTask)42).PaperTableColumn());
    }
}
