namespace AnomSeer.Training;

/// <summary>The learning-rate schedule of <see cref="SftTrainer"/>: linear warm-up, then cosine decay.</summary>
public static class SftSchedule
{
    /// <summary>
    /// The learning rate of step <paramref name="step"/> (0-based): <c>lr · (step + 1) / W</c> while <c>step &lt; W</c>
    /// (W = <see cref="SftOptions.WarmupSteps"/>), then <c>lr · (m + (1 − m) · (1 + cos(π · p)) / 2)</c> with
    /// <c>p = min(1, (step − W) / max(1, S − W))</c>, S = <see cref="SftOptions.ScheduleSteps"/> and
    /// m = <see cref="SftOptions.MinLearningRateRatio"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public static double LearningRate(SftOptions options, long step)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        double peak = options.LearningRate;
        int warmup = options.WarmupSteps;
        if (step < warmup) return peak * (step + 1) / warmup;
        double p = Math.Min(1.0, (double)(step - warmup) / Math.Max(1, options.ScheduleSteps - warmup));
        double m = options.MinLearningRateRatio;
        return peak * (m + (1 - m) * 0.5 * (1 + Math.Cos(Math.PI * p)));
    }
}
