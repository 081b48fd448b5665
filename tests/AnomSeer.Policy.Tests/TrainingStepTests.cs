using AnomSeer.Policy.Tiny;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tests;

public class TrainingStepTests
{
    [Theory]
    [InlineData(InputModality.ImageAndSeries)]
    [InlineData(InputModality.Image)]
    public void FewOptimisationSteps_ChangeEveryTrainableParameter(InputModality modality)
    {
        using var model = TestModels.Model(modality);
        var inputs = new[] { TestModels.Input(1), TestModels.Input(2, 48) };
        var texts = new[] { TestModels.Response(30, 34), TestModels.Response(20, 25) };
        var items = inputs.Select((inp, i) => new ResponseItem(inp, model.EncodeResponse(inp, texts[i]))).ToArray();
        Assert.All(items, it => Assert.Contains(it.ResponseTokenIds, id => id >= model.Config.VocabSize));
        var before = model.TrainableParameters.Select(p => p.detach().clone()).ToArray();
        var names = model.ParameterShapes.Select(p => p.Name).ToArray();
        using var opt = optim.Adam(model.TrainableParameters, lr: 1e-2);
        model.SetTrainingMode(true);
        float first = 0, last = 0;
        for (int step = 0; step < 4; step++)
        {
            using var scope = NewDisposeScope();
            opt.zero_grad();
            using var scores = model.ScoreResponses(items, new ScoringOptions { WithGradients = true });
            var nll = -scores.LogProbs.sum() / scores.Mask.sum();
            using var head = model.PredictAnomalyHead(inputs, withGradients: true);
            var targets = inputs.Select((inp, i) => AnomalyHeadTargets.Build(head.Ranges[i],
                [AnswersOf(texts[i])]).Concat(new float[3 * ((int)head.Output.shape[1] - head.Ranges[i].Length)])).SelectMany(x => x).ToArray();
            var aux = AnomalyHeadTargets.Loss(head.Output, head.Mask, tensor(targets, head.Output.shape));
            var loss = nll + aux;
            loss.backward();
            opt.step();
            if (step == 0) first = nll.item<float>();
            last = nll.item<float>();
        }
        Assert.True(last < first, $"loss {first} → {last}");
        var after = model.TrainableParameters.ToArray();
        for (int i = 0; i < before.Length; i++)
            Assert.False(before[i].allclose(after[i], 0, 0), $"parameter {names[i]} did not change");
    }

    [Fact]
    public void Clone_HasSameOutputs_AndStaysFrozenWhileTheOriginalTrains()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(2);
        var item = new ResponseItem(input, model.EncodeResponse(input, TestModels.Response(5, 9)));
        using var reference = model.Clone();
        float[] before;
        using (var a = model.ScoreResponses([item]))
        using (var b = reference.ScoreResponses([item]))
        {
            before = b.LogProbsOf(0);
            Assert.Equal(a.LogProbsOf(0), before);
        }
        using var opt = optim.Adam(model.TrainableParameters, lr: 1e-2);
        using (var s = model.ScoreResponses([item], new ScoringOptions { WithGradients = true }))
        {
            (-s.LogProbs.sum()).backward();
            opt.step();
        }
        using var after = reference.ScoreResponses([item]);
        Assert.Equal(before, after.LogProbsOf(0));
        using var trained = model.ScoreResponses([item]);
        Assert.NotEqual(before, trained.LogProbsOf(0));
    }

    [Fact]
    public void JointScoring_EqualsSeparateCalls()
    {
        using var model = TestModels.Model();
        var inputs = new[] { TestModels.Input(1), TestModels.Input(2, 48) };
        var items = inputs.Select(inp => new ResponseItem(inp, model.EncodeResponse(inp, TestModels.Response(9, 17)))).ToArray();
        var (scores, head) = model.ScoreResponsesWithAnomalyHead(items, new ScoringOptions { WithGradients = true });
        using (scores)
        using (head)
        {
            Assert.True(head.Output.requires_grad);
            using var separate = model.ScoreResponses(items);
            using var separateHead = model.PredictAnomalyHead(inputs);
            Assert.Equal(separate.LogProbsOf(1), scores.LogProbsOf(1));
            Assert.Equal(separateHead.RowOf(1), head.RowOf(1));
            Assert.True(separateHead.Mask.allclose(head.Mask, 0, 0));
        }
    }

    private static AnomalyInterval AnswersOf(string text) => AnomSeer.Answers.AnswerParser.Parse(text).Intervals![0];

    [Fact]
    public void ScoreResponses_WithoutGradients_HasNoGraph_AndRejectsBadIds()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(1);
        var ids = model.EncodeResponse(input, TestModels.Response(3, 9));
        using (var s = model.ScoreResponses([new ResponseItem(input, ids)]))
            Assert.False(s.LogProbs.requires_grad);
        using (var s = model.ScoreResponses([new ResponseItem(input, ids)], new ScoringOptions { WithGradients = true }))
            Assert.True(s.LogProbs.requires_grad);
        // The 64-point series has 8 patch tokens: pointer id V + 8 does not exist for it.
        var bad = new[] { model.Config.VocabSize + 8 };
        Assert.Throws<ArgumentException>(() => model.ScoreResponses([new ResponseItem(input, bad)]));
        Assert.Throws<ArgumentException>(() => model.ScoreResponses([new ResponseItem(input, [-1])]));
    }

    [Fact]
    public void Entropy_EqualsIndependentRecomputation()
    {
        using var model = TestModels.Model();
        var input = TestModels.Input(4);
        var ids = model.EncodeResponse(input, TestModels.Response(10, 12));
        using var s = model.ScoreResponses([new ResponseItem(input, ids)], new ScoringOptions { ComputeEntropy = true, Temperature = 0.8 });
        var table = model.FullLogProbTable(input, ids, 0.8);
        int v = model.Config.OutputVocabSize;
        var entropy = s.EntropyOf(0);
        var logp = s.LogProbsOf(0);
        for (int t = 0; t < ids.Count; t++)
        {
            double h = 0;
            for (int j = 0; j < v; j++) { double lp = table[t * v + j]; if (lp > -1e6) h -= Math.Exp(lp) * lp; }
            Assert.InRange(entropy[t] - h, -1e-4, 1e-4);
            Assert.InRange(logp[t] - table[t * v + ids[t]], -1e-4, 1e-4);
        }
    }
}
