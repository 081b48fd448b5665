namespace AnomSeer.Policy.Tests;

public class HiddenStateTests
{
    [Fact]
    public void TextHiddenStates_AreUnaffectedByPadding_AndTruncated()
    {
        using var model = TestModels.Model();
        string a = "The global mean is 0.1 and the std is 0.5.", b = "Short.";
        using var both = model.TextHiddenStates([a, b]);
        using var alone = model.TextHiddenStates([b]);
        var x = both.RowOf(1);
        var y = alone.RowOf(0);
        Assert.Equal(model.Tokenizer.Encode(b).Length, x.GetLength(0));
        Assert.Equal(model.HiddenSize, x.GetLength(1));
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++)
                Assert.InRange(x[i, j] - y[i, j], -1e-5, 1e-5);
        using var cut = model.TextHiddenStates([a], maxLength: 4);
        Assert.Equal(4, cut.RowOf(0).GetLength(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.TextHiddenStates([a], 0));
    }

    [Fact]
    public void ResponseHiddenStates_HaveOneRowPerResponseToken_ZeroAtPadding()
    {
        using var model = TestModels.Model();
        var i1 = TestModels.Input(1);
        var i2 = TestModels.Input(2, 40);
        var r1 = model.EncodeResponse(i1, TestModels.Response(3, 9));
        var r2 = model.EncodeResponse(i2, "<answer>[]</answer>");
        using var s = model.ScoreResponses([new(i1, r1), new(i2, r2)], new ScoringOptions { ReturnHiddenStates = true });
        Assert.Equal(new long[] { 2, r1.Count, model.HiddenSize }, s.HiddenStates!.shape);
        Assert.Equal(r2.Count, (int)s.Mask[1].sum().item<float>());
        Assert.Equal(0f, s.HiddenStates[1, r2.Count..].abs().sum().item<float>());
        Assert.True(s.HiddenStates[1, ..r2.Count].abs().sum().item<float>() > 0);
        Assert.False(s.HiddenStates.requires_grad);
    }
}
