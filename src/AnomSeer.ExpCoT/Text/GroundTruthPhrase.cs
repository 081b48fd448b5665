namespace AnomSeer.ExpCoT.Text;

/// <summary>The ground-truth sentence of method spec b.3 step 4 (<c>_link_gt_feature</c>).</summary>
internal static class GroundTruthPhrase
{
    public static string For(IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass cls, ExpCotTextStyle style)
    {
        string iv = PyFormat.Intervals(groundTruth);
        if (groundTruth.Count == 0)
        {
            return style == ExpCotTextStyle.Clean && cls == AnomalyClass.Normal
                ? "I did not observe any anomaly in the series. "
                : $"I did not observe any {cls.ToCanonicalName()} anomaly in the series. ";
        }
        return cls switch
        {
            AnomalyClass.GlobalPoint => $"I observed that the values within {iv} exhibit clear out-of-range behavior, with sharp spikes deviating from the global distribution. ",
            AnomalyClass.ContextualPoint => $"I observed that the subsequence {iv} appears inconsistent with its local temporal context, breaking the continuity of surrounding patterns. ",
            AnomalyClass.Trend => $"I observed that the segment within {iv} shows a clear trend shift, with the long-term slope undergoing a marked change. ",
            AnomalyClass.Seasonal => $"I observed that the oscillations within {iv} display frequency deviation, with periodic structure misaligned from the baseline cycle. ",
            AnomalyClass.Shapelet => $"I observed that the subsequence within {iv} deviates in waveform shape, differing notably from typical local motifs. ",
            // Intervals labelled "normal" are contradictory; say what is there without inventing a type.
            _ => $"I observed that the intervals {iv} are labelled, but their class is normal. ",
        };
    }
}
