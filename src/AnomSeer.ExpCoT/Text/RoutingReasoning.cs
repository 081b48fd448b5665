namespace AnomSeer.ExpCoT.Text;

/// <summary>The routing sentences of method spec b.3 step 2 (<c>_get_expert_reasoning_flow</c>).</summary>
internal static class RoutingReasoning
{
    public static string Range(double mu, double sd, double zmax) =>
        $"My initial check reveals extreme values. The global mean is {PyFormat.Fixed(mu, 3)} and std is {PyFormat.Fixed(sd, 3)}, but some points have a z-score as high as {PyFormat.Fixed(zmax, 2)}. This strongly suggests a range-based anomaly. I will now apply a k-sigma rule to formalize this.";

    public static string RangeByHbos(double mu, double sd, double zmax, int flagged) =>
        $"My initial histogram (HBOS) scan reveals {flagged} value(s) in sparse bins detached from the bulk of the distribution. The global mean is {PyFormat.Fixed(mu, 3)} and std is {PyFormat.Fixed(sd, 3)}, and some points have a z-score as high as {PyFormat.Fixed(zmax, 2)}. This strongly suggests a range-based anomaly. I will now apply a k-sigma rule to formalize this.";

    public static string Trend(double zmax) =>
        $"The global values seem normal (max z-score={PyFormat.Fixed(zmax, 2)}), so I'll check the trend. The gradient of the series appears unstable. This suggests a potential trend anomaly. I will analyze the smoothed gradient to confirm any significant shifts.";

    public const string Frequency =
        "Global values and trend seem stable. However, the signal appears periodic. An unstable period can indicate a frequency anomaly. I will use a sliding window analysis to check for significant changes in the dominant period.";

    public static string Discord(double zmax) =>
        $"The series does not exhibit obvious global outliers (max z-score={PyFormat.Fixed(zmax, 2)}) or clear structural instability. The anomalies are likely subtle and contextual. This requires a pattern-based approach. I will use the Matrix Profile to find the most dissimilar subsequence (a discord), which is the standard method for such cases.";
}
