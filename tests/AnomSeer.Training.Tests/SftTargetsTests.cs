using AnomSeer.Answers;
using AnomSeer.Data.Synthetic;

namespace AnomSeer.Training.Tests;

/// <summary>The SFT target text and the learning-rate schedule.</summary>
public class SftTargetsTests
{
    [Fact]
    public void TargetText_DropsTheMetaSentence_AndEndsWithTagsThatParseBackToTheGroundTruth()
    {
        var factory = new TimerPoExampleFactory();
        var samples = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 2, 5).ToArray();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var example = factory.Create(sample);
            Assert.Contains("Ground truth labels", example.ExpertReference, StringComparison.Ordinal);
            string text = SftTargets.Text(example);
            Assert.DoesNotContain("ground truth labels", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("for supervision", text, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("<think>", text, StringComparison.Ordinal);
            var cls = example.GroundTruthClass ?? AnomalyClass.Normal;
            Assert.EndsWith($"</think>\n<answer>{AnswerFormatter.FormatIntervals(example.GroundTruth)}</answer>\n<class>{cls.ToCanonicalName()}</class>",
                text, StringComparison.Ordinal);
            var parsed = AnswerParser.Parse(text);
            Assert.True(parsed.FormatOk, text);
            Assert.Equal(example.GroundTruth, parsed.Intervals);
            Assert.Equal(cls, parsed.Class);
            // The rest of the ExpCoT (routing, evidence, ground-truth phrase, conclusion) is kept.
            string reasoning = SftTargets.Reasoning(example.ExpertReference);
            Assert.True(reasoning.Length > example.ExpertReference.Length / 2, reasoning);
            Assert.Contains("Reasoning", reasoning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reasoning_RemovesOnlyTheMetaSentence()
    {
        const string expCot = "[Observation] Ground truth labels [[3, 5], [9, 12]] as range. The series is scanned.\n[Conclusion] Done.";
        Assert.Equal("[Observation] The series is scanned.\n[Conclusion] Done.", SftTargets.Reasoning(expCot));
    }

    [Fact]
    public void ConciseReasoning_KeepsOnlyTheObservationParagraph_AndTheSameTags()
    {
        const string expCot = "Observation — Ground truth labels [[3, 5]] as global point. Extreme values; a range check follows.\nReasoning & Validation — The mean is 0.1.\nConclusion — We report the GT interval(s) [[3, 5]] as the final localization for supervision.";
        Assert.Equal("Observation — Extreme values; a range check follows.", SftTargets.Reasoning(expCot, SftReasoningStyle.Concise));
        Assert.Equal(SftTargets.Reasoning(expCot), SftTargets.Reasoning(expCot, SftReasoningStyle.Full));
        Assert.Equal("One paragraph only.", SftTargets.Reasoning("One paragraph only.", SftReasoningStyle.Concise));
        Assert.Throws<ArgumentOutOfRangeException>(() => SftTargets.Reasoning(expCot, (SftReasoningStyle)9));
        var example = new TimerPoExampleFactory().Create(AnomSeer.Data.Synthetic.SyntheticDatasets.AnomLlm(AnomSeer.Data.Synthetic.DatasetSplit.Train, 1, 5).First());
        string concise = SftTargets.Text(example, SftReasoningStyle.Concise), full = SftTargets.Text(example);
        Assert.True(concise.Length < full.Length / 2, concise);
        Assert.Equal(AnswerParser.Parse(full).Intervals, AnswerParser.Parse(concise).Intervals);
        Assert.DoesNotContain('\n', AnswerParser.Parse(concise).Reasoning!.Trim());
    }

    [Fact]
    public void Reasoning_TurnsTheSupervisionConclusionIntoTheModelsOwnClaim()
    {
        const string expCot = "[Conclusion] We report the GT interval(s) [[3, 5], [9, 12]] as the final localization for supervision. For reference, the detector proposed [[4, 6]].";
        Assert.Equal("[Conclusion] We report the interval(s) [[3, 5], [9, 12]] as the final localization. For reference, the detector proposed [[4, 6]].",
            SftTargets.Reasoning(expCot));
    }

    [Fact]
    public void LearningRateSchedule_MatchesAHandComputedTable()
    {
        var options = new SftOptions { LearningRate = 0.1, WarmupSteps = 2, ScheduleSteps = 6, MinLearningRateRatio = 0.1 };
        // Warm-up 0.1·(k+1)/2, then 0.1·(0.1 + 0.9·(1 + cos(π·p))/2) with p = (k − 2)/4, then flat at the minimum.
        double[] expected = [0.05, 0.1, 0.1, 0.08681980515, 0.055, 0.02318019485, 0.01, 0.01, 0.01];
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], SftSchedule.LearningRate(options, k), 1e-10);
        Assert.Equal(0.01, SftSchedule.LearningRate(options, 1000), 12);
        var noWarmup = options with { WarmupSteps = 0 };
        Assert.Equal(0.1, SftSchedule.LearningRate(noWarmup, 0), 12);
    }

    [Fact]
    public void Options_HaveTheDocumentedDefaults_AndRejectOutOfRangeValues()
    {
        var o = new SftOptions();
        Assert.Equal(1e-3, o.LearningRate);
        Assert.Equal(100, o.WarmupSteps);
        Assert.Equal(1.0, o.MaxGradNorm);
        Assert.Equal(1.0, o.AnomalyHeadLossWeight);
        Assert.Equal(16, o.BatchSize);
        o.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => (o with { BatchSize = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (o with { MaxGradNorm = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (o with { MinLearningRateRatio = 2 }).Validate());
    }
}
