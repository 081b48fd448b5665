using AnomSeer.Policy.Tiny;

namespace AnomSeer.Training.Tests;

/// <summary>The SFT trainer on tiny policies: a few steps each, seconds.</summary>
public class SftTrainerTests
{
    private static SftOptions Options(int batchSize = 2) => new()
    {
        LearningRate = 1e-2,
        WarmupSteps = 2,
        ScheduleSteps = 40,
        BatchSize = batchSize,
        Seed = 5,
    };

    private sealed class ListProgress : IProgress<SftProgress>
    {
        public List<SftProgress> Reports { get; } = [];

        public void Report(SftProgress value) => Reports.Add(value);
    }

    [Fact]
    public void AFewSteps_ChangeEveryTrainableParameter_IncludingTheAnomalyHead()
    {
        using var policy = TinySetup.Model(1);
        var before = TinySetup.Snapshot(policy);
        using var trainer = new SftTrainer(policy, Options());
        var progress = new ListProgress();
        var metrics = trainer.Train(TinySetup.Examples(4), totalSteps: 3, progress);
        Assert.Equal(3, metrics.Count);
        Assert.Equal(3, trainer.StepsDone);
        Assert.Equal(new long[] { 1, 2, 3 }, progress.Reports.Select(r => r.StepsDone));
        var after = TinySetup.Snapshot(policy);
        var names = policy.ParameterShapes.Select(s => s.Name).ToArray();
        Assert.Contains(names, n => n.StartsWith("anomaly_head", StringComparison.Ordinal));
        for (int i = 0; i < names.Length; i++)
            Assert.False(before[i].SequenceEqual(after[i]), $"parameter {names[i]} did not change");
        for (int k = 0; k < metrics.Count; k++)
        {
            var m = metrics[k];
            Assert.Equal(SftSchedule.LearningRate(trainer.Options, k), m.LearningRate, 12);
            Assert.True(double.IsFinite(m.Loss) && m.TokenLoss > 0 && m.AnomalyHeadLoss > 0 && m.GradNorm > 0);
            Assert.Equal(m.TokenLoss + m.AnomalyHeadLoss, m.Loss, 4);
            Assert.Equal(2, m.Examples);
        }
    }

    [Fact]
    public void LossOnAFixedTinyBatch_DecreasesOverTwentySteps()
    {
        using var policy = TinySetup.Model(2);
        using var trainer = new SftTrainer(policy, Options() with { WarmupSteps = 0 });
        var batch = TinySetup.Examples(2);
        var losses = Enumerable.Range(0, 21).Select(_ => trainer.Step(batch)).ToArray();
        Assert.True(losses[20].Loss < 0.7 * losses[0].Loss, $"loss {losses[0].Loss} → {losses[20].Loss}");
        Assert.True(losses[20].TokenLoss < losses[0].TokenLoss);
        Assert.True(losses[20].AnomalyHeadLoss < losses[0].AnomalyHeadLoss);
    }

    [Fact]
    public void SameSeed_GivesTheSameParameters()
    {
        var examples = TinySetup.Examples(5);
        float[][] Run()
        {
            using var policy = TinySetup.Model(3);
            using var trainer = new SftTrainer(policy, Options());
            trainer.Train(examples, 3);
            return TinySetup.Snapshot(policy);
        }
        var a = Run();
        var b = Run();
        for (int i = 0; i < a.Length; i++) Assert.Equal(a[i], b[i]);
    }

    [Fact]
    public void ResumedRun_EndsWithTheSameParametersAsTheUninterruptedOne()
    {
        var examples = TinySetup.Examples(3);
        string dir = Path.Combine(Path.GetTempPath(), $"sft-resume-{Guid.NewGuid():N}");
        try
        {
            float[][] uninterrupted;
            using (var policy = TinySetup.Model(4))
            using (var trainer = new SftTrainer(policy, Options()))
            {
                trainer.Train(examples, 4);
                uninterrupted = TinySetup.Snapshot(policy);
            }
            using (var policy = TinySetup.Model(4))
            using (var trainer = new SftTrainer(policy, Options()))
            {
                trainer.Train(examples, 2);
                trainer.SaveCheckpoint(dir);
                trainer.SaveCheckpoint(dir); // replacing an existing checkpoint works
            }
            Assert.True(File.Exists(Path.Combine(dir, SftTrainer.StateFile)));
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}.*"));
            using (var policy = TinySetup.Model(99))
            using (var trainer = new SftTrainer(policy, Options()))
            {
                trainer.LoadCheckpoint(dir);
                Assert.Equal(2, trainer.StepsDone);
                Assert.Equal(2, trainer.Train(examples, 4).Count);
                var resumed = TinySetup.Snapshot(policy);
                var names = policy.ParameterShapes.Select(x => x.Name).ToArray();
                var diffs = Enumerable.Range(0, resumed.Length).Where(i => !uninterrupted[i].SequenceEqual(resumed[i]))
                    .Select(i => names[i]).ToArray();
                Assert.True(diffs.Length == 0, string.Join("; ", diffs));
            }
            using (var policy = TinySetup.Model(4))
            using (var other = new SftTrainer(policy, Options() with { Seed = 6 }))
            {
                Assert.Throws<SftCheckpointException>(() => other.LoadCheckpoint(dir));
                Assert.Throws<SftCheckpointException>(() => other.LoadCheckpoint(dir + "-missing"));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Evaluate_ReportsOnTheHeldOutSplit_AndTrainEvaluatesAtTheInterval()
    {
        using var policy = TinySetup.Model(5);
        using var trainer = new SftTrainer(policy, Options() with { EvaluationInterval = 2, Evaluation = TinySetup.Options() });
        var heldOut = TinySetup.Examples(2, first: 20);
        var evaluation = trainer.Evaluate(heldOut);
        Assert.Equal(2, evaluation.Report.Count);
        Assert.Equal(2, evaluation.Responses.Count);
        var progress = new ListProgress();
        trainer.Train(TinySetup.Examples(3), 3, progress, heldOut);
        Assert.Equal(new[] { false, true, true }, progress.Reports.Select(r => r.Evaluation is not null));
        Assert.All(progress.Reports.Where(r => r.Evaluation is not null), r => Assert.Equal(2, r.Evaluation!.Count));
    }

    [Fact]
    public void CancelledStep_Throws_AndLeavesTheStepCount()
    {
        using var policy = TinySetup.Model(6);
        using var trainer = new SftTrainer(policy, Options());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => trainer.Train(TinySetup.Examples(2), 2, cancellationToken: cts.Token));
        Assert.Equal(0, trainer.StepsDone);
    }
}
