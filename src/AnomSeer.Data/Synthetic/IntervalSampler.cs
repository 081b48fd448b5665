using AnomSeer.Data.Random;

namespace AnomSeer.Data.Synthetic;

/// <summary>
/// The AnomLLM interval sampler (method spec c.1): starting at 0, repeatedly draw a normal stretch
/// <c>max(Exp(NormalMean), MinimumNormal)</c> and an anomaly <c>max(Exp(AnomalyMean), MinimumAnomaly)</c>,
/// each truncated to an integer; stop when the anomaly would start at or after the end, or after
/// <see cref="IntervalSamplerParameters.MaxIntervals"/> intervals. The last interval is clipped to the length.
/// </summary>
internal static class IntervalSampler
{
    /// <summary>Appends the sampled half-open intervals to <paramref name="intervals"/> (cleared first).</summary>
    public static void Sample(SeededRandom rng, int length, IntervalSamplerParameters p, List<AnomalyInterval> intervals)
    {
        intervals.Clear();
        int location = 0;
        int cap = p.MaxIntervals ?? int.MaxValue;
        for (int k = 0; k < cap; k++)
        {
            double normal = Math.Max(rng.Exponential(p.NormalMean), p.MinimumNormal);
            long start = location + (long)normal;
            if (start >= length) break;
            double anomaly = Math.Max(rng.Exponential(p.AnomalyMean), p.MinimumAnomaly);
            long end = Math.Min(length, start + (long)anomaly);
            intervals.Add(new AnomalyInterval((int)start, (int)end));
            location = (int)end;
        }
    }
}
