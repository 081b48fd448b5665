using AnomSeer.OptimalTransport;

namespace AnomSeer.Training.Tests;

public class OptionsTests
{
    [Fact]
    public void Defaults_AreThePapers()
    {
        var o = new TimerPoOptions();
        Assert.Equal(TimerPoMode.TimerPO, o.Mode);
        Assert.Equal(5, o.ResponsesPerPrompt);
        Assert.Equal(1.0, o.RolloutTemperature);
        Assert.Equal(0.4, o.EvaluationTemperature);
        Assert.Equal(1.0, o.TopP);
        Assert.Equal(1024, o.MaxResponseTokens);
        Assert.Equal(0.2, o.ClipRatio);
        Assert.Equal(0.001, o.EntropyCoefficient);
        Assert.Equal(0.001, o.KlCoefficient);
        Assert.Equal(10.0, o.KlClamp);
        Assert.Equal(1.0, o.MaxGradNorm);
        Assert.Equal(1, o.PpoEpochs);
        Assert.Equal(0, o.MiniBatchResponses);
        Assert.Equal(512, o.ReferenceMaxTokens);
        Assert.Equal((0.9, 0.999, 0.01), (o.Beta1, o.Beta2, o.WeightDecay));
        Assert.Equal(0.3, o.Advantage.Alpha);
        Assert.Equal(0.5, o.Advantage.Temperature);
        Assert.Equal(0.08, o.Advantage.Sinkhorn.Epsilon);
        Assert.Equal(50, o.Advantage.Sinkhorn.MaxIterations);
        Assert.Equal(TokenMassKind.SoftmaxOfNorms, o.Advantage.TokenMass);
        Assert.Equal(GroupNormalization.Center, o.Advantage.SemanticNormalization);
        o.Validate();
    }

    [Theory]
    [InlineData(TimerPoMode.TimerPO, AdvantageMode.TimerPO)]
    [InlineData(TimerPoMode.GenericCoT, AdvantageMode.TimerPO)]
    [InlineData(TimerPoMode.NoOrthogonalization, AdvantageMode.NoOrthogonalization)]
    [InlineData(TimerPoMode.OutcomeOnly, AdvantageMode.OutcomeOnly)]
    public void Modes_MapToAdvantageModes(TimerPoMode mode, AdvantageMode expected) =>
        Assert.Equal(expected, new TimerPoOptions { Mode = mode }.AdvantageMode);

    [Fact]
    public void Validate_NamesTheBadOption()
    {
        void Bad(TimerPoOptions o, string name) => Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(o.Validate).ParamName);
        Bad(new TimerPoOptions { ClipRatio = 0 }, "ClipRatio");
        Bad(new TimerPoOptions { ResponsesPerPrompt = 0 }, "ResponsesPerPrompt");
        Bad(new TimerPoOptions { LearningRate = -1 }, "LearningRate");
        Bad(new TimerPoOptions { KlCoefficient = double.NaN }, "KlCoefficient");
        Bad(new TimerPoOptions { TopP = 1.5 }, "TopP");
        Bad(new TimerPoOptions { ReferenceMaxTokens = 0 }, "ReferenceMaxTokens");
        Bad(new TimerPoOptions { Mode = (TimerPoMode)42 }, "Mode");
        Bad(new TimerPoOptions { Advantage = new TimerPoAdvantageOptions { Alpha = double.NaN } }, "Alpha");
    }

    [Fact]
    public void PromptSchedule_VisitsEachExampleOncePerEpoch_AndDependsOnlyOnSeedAndStep()
    {
        int n = 10, p = 3;
        var seen = Enumerable.Range(0, 10).SelectMany(step => PromptSchedule.IndicesFor(n, p, 5, step)).ToArray();
        for (int epoch = 0; epoch < 3; epoch++)
            Assert.Equal(Enumerable.Range(0, n), seen.Skip(epoch * n).Take(n).OrderBy(i => i));
        Assert.Equal(PromptSchedule.IndicesFor(n, p, 5, 7), PromptSchedule.IndicesFor(n, p, 5, 7));
        Assert.NotEqual(seen.Take(n), PromptSchedule.IndicesFor(n, n, 6, 0));
    }

    [Fact]
    public void GenericCot_HasNoStatistics_AndStatesTheGroundTruth()
    {
        string text = GenericCotText.Build([new AnomalyInterval(3, 7)], AnomalyClass.Trend);
        Assert.Contains("[3, 7]", text);
        Assert.Contains("trend", text);
        Assert.Contains("no anomaly", GenericCotText.Build([], AnomalyClass.Normal));
    }
}
