using AnomSeer;
using AnomSeer.Data.Samples;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;

namespace ExpertBaseline;

/// <summary>Runs the detector over samples (two threads) and scores each answer with the TSAD reward.</summary>
internal static class Scoring
{
    public static RewardBreakdown[] Score(ExpertDetector detector, IReadOnlyList<TsadSample> samples)
    {
        var results = new RewardBreakdown[samples.Count];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var s = samples[i];
            string answer = detector.Detect(s.AsSpan()).ToAnswerText();
            results[i] = TsadReward.Score(answer, s.Intervals, s.Class, s.Length);
        });
        return results;
    }

}
