using AnomSeer.Policy.Tiny;

namespace AnomSeer.Policy.Tests;

// One test here reads torch's process-wide generator directly, so this class runs alone, never beside other
// classes that build models.
[Collection(GlobalGeneratorCollection.Name)]
public class ValidationTests
{
    [Fact]
    public void PlotImage_RejectsBadArguments_ByName()
    {
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => new PlotImage(new float[5], 1, 2, 3, 10, 0, 1)).ParamName);
        Assert.Equal("indicesPerPixel", Assert.Throws<ArgumentOutOfRangeException>(() => new PlotImage(new float[6], 1, 2, 3, 10, 0, 0)).ParamName);
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => new PlotImage([0, 0, 0, 0, 0, float.NaN], 1, 2, 3, 10, 0, 1)).ParamName);
    }

    [Fact]
    public void Inputs_ThatDoNotFitTheModel_AreRejected()
    {
        using var model = TestModels.Model();
        var wrongSize = new PolicyInput(new PlotImage(new float[3 * 8 * 32], 3, 8, 32, 64, 0, 2));
        Assert.Contains("image is [3, 8, 32]", Assert.Throws<ArgumentException>(() => model.Sample([wrongSize])).Message);
        var noSeries = new PolicyInput(new PlotImage(new float[8 * 32], 1, 8, 32, 64, 0, 2));
        Assert.Contains("no series", Assert.Throws<ArgumentException>(() => model.ScoreResponses([new(noSeries, [])])).Message);
        var tooLong = TestModels.Input(1, 200);
        Assert.Contains("MaxSeriesTokens", Assert.Throws<ArgumentException>(() => model.Sample([tooLong])).Message);
        Assert.Throws<ArgumentException>(() => new PolicyInput(TestModels.Input(1).Image, new float[3]));
    }

    [Fact]
    public void Config_IsValidated_AndRoundTripsThroughJson()
    {
        var c = TestModels.Config() with { VocabSize = 100 };
        Assert.Equal(c, TinyPolicyConfig.FromJson(c.ToJson()));
        Assert.Equal("StripWidth", Assert.Throws<ArgumentOutOfRangeException>(() => (c with { StripWidth = 3 }).Validate()).ParamName);
        Assert.Equal("Heads", Assert.Throws<ArgumentOutOfRangeException>(() => (c with { Heads = 3 }).Validate()).ParamName);
        Assert.Throws<InvalidDataException>(() => TinyPolicyConfig.FromJson("{\"unknown_field\": 1}"));
        Assert.Throws<ArgumentException>(() => new TinyPolicyModel(c with { VocabSize = 5 }, TestModels.Tokenizer()));
    }

    [Fact]
    public void Initialisation_IsSeeded_AndLeavesTheGlobalGeneratorAlone()
    {
        TorchSharp.torch.random.manual_seed(123);
        var expected = TorchSharp.torch.rand(4).data<float>().ToArray();
        TorchSharp.torch.random.manual_seed(123);
        using var a = TestModels.Model(seed: 5);
        Assert.Equal(expected, TorchSharp.torch.rand(4).data<float>().ToArray());
        using var b = TestModels.Model(seed: 5);
        using var c = TestModels.Model(seed: 6);
        var input = TestModels.Input(1);
        var ids = a.EncodeResponse(input, TestModels.Response(2, 7));
        using var sa = a.ScoreResponses([new(input, ids)]);
        using var sb = b.ScoreResponses([new(input, ids)]);
        using var sc = c.ScoreResponses([new(input, ids)]);
        Assert.Equal(sa.LogProbsOf(0), sb.LogProbsOf(0));
        Assert.NotEqual(sa.LogProbsOf(0), sc.LogProbsOf(0));
    }

    [Fact]
    public void DefaultConfiguration_IsCompact()
    {
        using var model = new TinyPolicyModel(new TinyPolicyConfig(), TestModels.Tokenizer());
        Assert.Equal(250, model.Config.VisionTokens);
        Assert.InRange(model.ParameterCount, 1_000_000, 4_000_000);
    }
}
