using AnomSeer.OptimalTransport;
using AnomSeer.Policy.Tiny;

namespace AnomSeer.Training.Tests;

/// <summary>The trainer on tiny policies: a few steps each, seconds.</summary>
public class TrainerTests
{
    private static (TinyPolicyModel policy, TinyPolicyModel reference) Models(int seed = 1)
    {
        var policy = TinySetup.Model(seed);
        return (policy, policy.Clone());
    }

    [Fact]
    public void TwoTimerPoSteps_ChangeEveryParameterOfTheResponseDistribution_AndLeaveTheReferenceUnchanged()
    {
        var (policy, reference) = Models();
        using var p = policy;
        using var r = reference;
        var before = TinySetup.Snapshot(policy);
        var referenceBefore = TinySetup.Snapshot(reference);
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.LengthReward);
        var metrics = trainer.Train(TinySetup.Examples(4), totalSteps: 2);
        Assert.Equal(2, metrics.Count);
        Assert.Equal(2, trainer.StepsDone);
        var after = TinySetup.Snapshot(policy);
        var names = policy.ParameterShapes.Select(s => s.Name).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            // The auxiliary anomaly head is an SFT-only output: the response log-probabilities never read it.
            bool changed = !before[i].SequenceEqual(after[i]);
            if (names[i].StartsWith("anomaly_head", StringComparison.Ordinal))
                Assert.False(changed, $"{names[i]} is not part of the response distribution and must stay as it was");
            else
                Assert.True(changed, $"parameter {names[i]} did not change");
        }
        var referenceAfter = TinySetup.Snapshot(reference);
        for (int i = 0; i < referenceBefore.Length; i++) Assert.Equal(referenceBefore[i], referenceAfter[i]);
        Assert.All(metrics, m =>
        {
            Assert.True(double.IsFinite(m.Loss) && double.IsFinite(m.Entropy) && double.IsFinite(m.Kl) && double.IsFinite(m.TransportCostMean));
            Assert.Equal(8, m.Responses);
            Assert.Equal(1, m.OptimizerSteps);
        });
        // Step 0 is on-policy against an identical reference: KL exactly 0, no clipping.
        Assert.Equal(0.0, metrics[0].Kl, 6);
        Assert.Equal(0.0, metrics[0].ClipFraction);
        Assert.True(metrics[1].Kl > 0, "after one update the policy differs from the reference");
    }

    [Fact]
    public void AdvantagesFedToTheLoss_EqualTimerPoAdvantageCompute()
    {
        var (policy, reference) = Models(2);
        using var p = policy;
        using var r = reference;
        var solver = new CountingSolver();
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), solver, reward: TinySetup.LengthReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        trainer.Step(TinySetup.Examples(2));
        Assert.NotNull(seen);
        Assert.Equal(new[] { 0, 0, 0, 0, 1, 1, 1, 1 }, seen!.GroupIds);
        Assert.Equal(AdvantageMode.TimerPO, seen.Options.Mode);
        var expected = TimerPoAdvantage.Compute(seen.GroupIds, seen.Rewards, seen.ResponseHidden, seen.ReferenceHidden, seen.Options);
        Assert.Equal(expected.Advantages.Select(a => (float)a).ToArray(), seen.AdvantagesFedToLoss);
        Assert.Contains(seen.AdvantagesFedToLoss, a => a != 0);
        Assert.Equal(8, solver.Problems);
        // Hidden states: one row per response token, the reference text truncated to the option's length.
        Assert.All(seen.ResponseHidden, h => Assert.Equal(policy.HiddenSize, h.Dimension));
        Assert.All(seen.ReferenceHidden, h => Assert.InRange(h.Rows, 1, 64));
    }

    [Fact]
    public void AllEqualRewards_GiveZeroMainAdvantage_TimerPoStillLearnsFromTheGroundedAdvantage()
    {
        var (policy, reference) = Models(3);
        using var p = policy;
        using var r = reference;
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.ConstantReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        var before = TinySetup.Snapshot(policy);
        var m = trainer.Step(TinySetup.Examples(2));
        Assert.Equal(1.0, m.ZeroSpreadGroupFraction);
        Assert.Equal(0.5, m.RewardMean, 12);
        var result = TimerPoAdvantage.Compute(seen!.GroupIds, seen.Rewards, seen.ResponseHidden, seen.ReferenceHidden, seen.Options);
        Assert.All(result.MainAdvantages, a => Assert.Equal(0.0, a));
        // coef = 0, so A = 0.3 · A_sem exactly.
        for (int i = 0; i < seen.AdvantagesFedToLoss.Length; i++)
            Assert.Equal((float)(0.3 * result.SemanticAdvantages[i]), seen.AdvantagesFedToLoss[i], 6);
        Assert.True(double.IsFinite(m.Loss));
        Assert.False(before.Zip(TinySetup.Snapshot(policy)).All(x => x.First.SequenceEqual(x.Second)));
    }

    [Fact]
    public void AllEqualRewards_InOutcomeOnly_GiveZeroAdvantages_AndTheStepStillRuns()
    {
        var (policy, reference) = Models(3);
        using var p = policy;
        using var r = reference;
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(TimerPoMode.OutcomeOnly), reward: TinySetup.ConstantReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        var m = trainer.Step(TinySetup.Examples(2));
        Assert.All(seen!.AdvantagesFedToLoss, a => Assert.Equal(0f, a));
        Assert.Equal(0.0, m.PolicyGradientLoss, 9);
        Assert.True(double.IsFinite(m.Loss) && double.IsFinite(m.Entropy));
        Assert.Equal(1, m.OptimizerSteps);
    }

    [Fact]
    public void OutcomeOnly_NeverCallsTheSolver_AndIgnoresW()
    {
        var (policy, reference) = Models(4);
        using var p = policy;
        using var r = reference;
        var solver = new CountingSolver();
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(TimerPoMode.OutcomeOnly), solver, reward: TinySetup.LengthReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        var metrics = trainer.Train(TinySetup.Examples(3), 2);
        Assert.Equal(0, solver.Problems);
        Assert.All(metrics, m => Assert.True(double.IsNaN(m.TransportCostMean)));
        // The advantage is the outcome advantage alone: reward minus its group mean.
        var groups = seen!.GroupIds;
        for (int i = 0; i < groups.Length; i++)
        {
            double mean = Enumerable.Range(0, groups.Length).Where(j => groups[j] == groups[i]).Average(j => seen.Rewards[j]);
            Assert.Equal((float)(seen.Rewards[i] - mean), seen.AdvantagesFedToLoss[i], 6);
        }
        Assert.All(seen.ResponseHidden, h => Assert.Equal(0, h.Rows));
    }

    [Fact]
    public void NoOrthogonalization_AddsAlphaTimesTheSemanticAdvantage()
    {
        var (policy, reference) = Models(5);
        using var p = policy;
        using var r = reference;
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(TimerPoMode.NoOrthogonalization), reward: TinySetup.LengthReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        trainer.Step(TinySetup.Examples(2));
        Assert.Equal(AdvantageMode.NoOrthogonalization, seen!.Options.Mode);
        var result = TimerPoAdvantage.Compute(seen.GroupIds, seen.Rewards, seen.ResponseHidden, seen.ReferenceHidden, seen.Options);
        for (int i = 0; i < seen.AdvantagesFedToLoss.Length; i++)
            Assert.Equal((float)(result.MainAdvantages[i] + 0.3 * result.SemanticAdvantages[i]), seen.AdvantagesFedToLoss[i], 6);
    }

    [Fact]
    public void GenericCoT_UsesTheGenericReferenceText()
    {
        var example = TinySetup.Example(1);
        Assert.Equal(example.ExpertReference, example.ReferenceText(TimerPoMode.TimerPO));
        string generic = example.ReferenceText(TimerPoMode.GenericCoT);
        Assert.Equal(GenericCotText.Build(example.GroundTruth, example.GroundTruthClass), generic);
        Assert.DoesNotContain("mean", generic);
        var (policy, reference) = Models(6);
        using var p = policy;
        using var r = reference;
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(TimerPoMode.GenericCoT), reward: TinySetup.LengthReward);
        AdvantageObservation? seen = null;
        trainer.AdvantageObserver = o => seen = o;
        var examples = TinySetup.Examples(2);
        trainer.Step(examples);
        int expectedRows = Math.Min(64, policy.Tokenizer.Encode(examples[0].ReferenceText(TimerPoMode.GenericCoT)).Length);
        Assert.Equal(expectedRows, seen!.ReferenceHidden[0].Rows);
    }

    [Fact]
    public void SameSeed_GivesTheSameRun()
    {
        float[][] Run()
        {
            var (policy, reference) = Models(7);
            using var p = policy;
            using var r = reference;
            using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.LengthReward);
            trainer.Train(TinySetup.Examples(3), 1);
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
        string dir = Path.Combine(Path.GetTempPath(), $"timerpo-resume-{Guid.NewGuid():N}");
        try
        {
            float[][] uninterrupted;
            {
                var (policy, reference) = Models(8);
                using var p = policy;
                using var r = reference;
                using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.LengthReward);
                trainer.Train(examples, 2);
                uninterrupted = TinySetup.Snapshot(policy);
            }
            {
                var (policy, reference) = Models(8);
                using var p = policy;
                using var r = reference;
                using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.LengthReward);
                trainer.Train(examples, 1);
                trainer.SaveCheckpoint(dir);
            }
            Assert.True(File.Exists(Path.Combine(dir, TimerPoTrainer.StateFile)));
            {
                // Fresh models with other weights: everything comes from the checkpoint.
                var (policy, reference) = Models(99);
                using var p = policy;
                using var r = reference;
                using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), reward: TinySetup.LengthReward);
                trainer.LoadCheckpoint(dir);
                Assert.Equal(1, trainer.StepsDone);
                var metrics = trainer.Train(examples, 2);
                Assert.Single(metrics);
                var resumed = TinySetup.Snapshot(policy);
                var names = policy.ParameterShapes.Select(x => x.Name).ToArray();
                var diffs = Enumerable.Range(0, resumed.Length).Where(i => !uninterrupted[i].SequenceEqual(resumed[i]))
                    .Select(i => $"{names[i]}: {uninterrupted[i].Zip(resumed[i]).Max(z => Math.Abs(z.First - z.Second))}").ToArray();
                Assert.True(diffs.Length == 0, string.Join("; ", diffs));
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadCheckpoint_OfAnotherRun_OrAMissingFolder_FailsClearly()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"timerpo-ckpt-{Guid.NewGuid():N}");
        try
        {
            var (policy, reference) = Models(9);
            using var p = policy;
            using var r = reference;
            using (var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options()))
                trainer.SaveCheckpoint(dir);
            using var other = new TimerPoTrainer(policy, reference, TinySetup.Options() with { Seed = 8 });
            var e = Assert.Throws<TimerPoCheckpointException>(() => other.LoadCheckpoint(dir));
            Assert.Contains("seed 7", e.Message);
            Assert.Throws<TimerPoCheckpointException>(() => other.LoadCheckpoint(dir + "-missing"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Progress_AndTheJsonlLog_ReceiveEveryStep()
    {
        string log = Path.Combine(Path.GetTempPath(), $"timerpo-{Guid.NewGuid():N}.jsonl");
        try
        {
            var (policy, reference) = Models(10);
            using var p = policy;
            using var r = reference;
            var reports = new List<TimerPoProgress>();
            using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options() with { MetricsLogPath = log }, reward: TinySetup.LengthReward);
            trainer.Train(TinySetup.Examples(2), 2, new SynchronousProgress(reports.Add));
            Assert.Equal(new long[] { 1, 2 }, reports.Select(x => x.StepsDone));
            Assert.All(reports, x => Assert.Equal(2, x.TotalSteps));
            var lines = File.ReadAllLines(log);
            Assert.Equal(2, lines.Length);
            using var doc = System.Text.Json.JsonDocument.Parse(lines[1]);
            Assert.Equal(1, doc.RootElement.GetProperty("step").GetInt64());
            Assert.True(doc.RootElement.TryGetProperty("zero_spread_group_fraction", out _));
            Assert.True(doc.RootElement.TryGetProperty("clip_fraction", out _));
        }
        finally
        {
            if (File.Exists(log)) File.Delete(log);
        }
    }

    [Fact]
    public void Cancellation_Throws_AndBadArgumentsAreNamed()
    {
        var (policy, reference) = Models(11);
        using var p = policy;
        using var r = reference;
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Step(TinySetup.Examples(1), cts.Token));
        Assert.Equal(0, trainer.StepsDone);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => new TimerPoTrainer(policy, policy)).ParamName);
        Assert.Equal("examples", Assert.Throws<ArgumentException>(() => trainer.Step([])).ParamName);
        Assert.Equal("dataset", Assert.Throws<ArgumentException>(() => trainer.Train([], 1)).ParamName);
    }

    [Fact]
    public void MiniBatches_TakeSeveralOptimizerSteps_AndMicroBatchesAccumulateIntoOne()
    {
        var (policy, reference) = Models(12);
        using var p = policy;
        using var r = reference;
        var examples = TinySetup.Examples(2);
        using (var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options() with { MiniBatchResponses = 4 }, reward: TinySetup.LengthReward))
        {
            var m = trainer.Step(examples);
            Assert.Equal(2, m.OptimizerSteps);
            // The second mini-batch is scored after the first update: off-policy, so the log-ratio is no longer 0.
            Assert.NotEqual(0.0, m.ApproximateKl);
        }
        using (var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options() with { MicroBatchResponses = 3 }, reward: TinySetup.LengthReward))
        {
            var m = trainer.Step(examples);
            Assert.Equal(1, m.OptimizerSteps);
            Assert.True(double.IsFinite(m.Loss) && m.GradNorm > 0);
        }
    }

    [Fact]
    public void Evaluator_SamplesOneResponsePerExample_AndReportsByTask()
    {
        using var policy = TinySetup.Model(13);
        var examples = TinySetup.Examples(3);
        var result = PolicyEvaluator.Evaluate(policy, examples, TinySetup.Options(), batchSize: 2);
        Assert.Equal(3, result.Responses.Count);
        Assert.Equal(3, result.Report.Count);
        Assert.Equal(3, result.Rewards.Count);
        var again = PolicyEvaluator.Evaluate(policy, examples, TinySetup.Options(), batchSize: 2);
        Assert.Equal(result.Responses, again.Responses);
    }

    [Fact]
    public void AFloat32OnlySolver_IsRejectedWithAHint_AndWorksWithSinglePrecision()
    {
        var (policy, reference) = Models(14);
        using var p = policy;
        using var r = reference;
        var gpuLike = new CountingSolver(SinkhornPrecisions.Single);
        var e = Assert.Throws<ArgumentException>(() => new TimerPoTrainer(policy, reference, TinySetup.Options(), gpuLike));
        Assert.Equal("solver", e.ParamName);
        Assert.Contains("SinglePrecision", e.Message);
        var options = TinySetup.Options() with { Advantage = TimerPoAdvantageOptions.Paper with { SinglePrecision = true } };
        using var trainer = new TimerPoTrainer(policy, reference, options, gpuLike, reward: TinySetup.LengthReward);
        var m = trainer.Step(TinySetup.Examples(2));
        Assert.Equal(8, gpuLike.SinglePrecisionProblems);
        Assert.True(double.IsFinite(m.TransportCostMean));
        // Vanilla GRPO never solves, so any solver is accepted.
        using var outcome = new TimerPoTrainer(policy, reference, TinySetup.Options(TimerPoMode.OutcomeOnly), gpuLike);
    }

    [Fact]
    public void Logger_ReceivesOneInformationLinePerStep()
    {
        var (policy, reference) = Models(15);
        using var p = policy;
        using var r = reference;
        var logger = new ListLogger();
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options(), logger: logger, reward: TinySetup.LengthReward);
        trainer.Train(TinySetup.Examples(2), 2);
        Assert.Equal(2, logger.Lines.Count);
        Assert.StartsWith("TimerPO step 0 (TimerPO): reward ", logger.Lines[0]);
        Assert.Contains("zero-spread groups", logger.Lines[1]);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Information) Lines.Add(formatter(state, exception));
        }
    }

    [Fact]
    public void ZeroKlCoefficient_NeverRunsTheReference_AndPpoEpochsRepeatTheUpdate()
    {
        using var policy = TinySetup.Model(16);
        var reference = policy.Clone();
        reference.Dispose(); // any use of it would throw ObjectDisposedException
        using var trainer = new TimerPoTrainer(policy, reference, TinySetup.Options() with { KlCoefficient = 0, PpoEpochs = 2 },
            reward: TinySetup.LengthReward);
        var m = trainer.Step(TinySetup.Examples(2));
        Assert.True(double.IsNaN(m.Kl));
        Assert.Equal(2, m.OptimizerSteps);
        // The second epoch runs after the first update: off-policy.
        Assert.NotEqual(0.0, m.ApproximateKl);
    }

    private sealed class SynchronousProgress(Action<TimerPoProgress> report) : IProgress<TimerPoProgress>
    {
        public void Report(TimerPoProgress value) => report(value);
    }
}
