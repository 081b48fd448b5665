using AnomSeer.Policy;

namespace AnomSeer.Training;

/// <summary>
/// One training prompt of TimerPO (spec b.9 input): the multimodal policy input, its ground truth for the reward, and the
/// expert chain-of-thought that grounds the OT advantage.
/// </summary>
public sealed class TimerPoExample
{
    /// <summary>Creates an example.</summary>
    /// <param name="input">The policy input (plot, series, prompt).</param>
    /// <param name="groundTruth">Ground-truth half-open intervals (empty for a normal series); copied.</param>
    /// <param name="groundTruthClass">Ground-truth class, or null when unknown (the class term of the reward is then 0).</param>
    /// <param name="expertReference">The ExpCoT text of the sample (spec b.3), the OT reference in TimerPO.</param>
    /// <param name="id">An identifier for logs; null gives an empty one.</param>
    /// <param name="task">The task or category (for example <c>noisy-freq</c>), used to group evaluation rows; null gives an empty one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/>, <paramref name="groundTruth"/> or <paramref name="expertReference"/> is null.</exception>
    /// <exception cref="ArgumentException">An interval ends after the series end.</exception>
    public TimerPoExample(PolicyInput input, IReadOnlyList<AnomalyInterval> groundTruth, AnomalyClass? groundTruthClass,
        string expertReference, string? id = null, string? task = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(expertReference);
        foreach (var interval in groundTruth)
            if (interval.End > input.SeriesLength)
                throw new ArgumentException($"Interval {interval} ends after the series end ({input.SeriesLength}).", nameof(groundTruth));
        Input = input;
        GroundTruth = groundTruth.ToArray();
        GroundTruthClass = groundTruthClass;
        ExpertReference = expertReference;
        Id = id ?? "";
        Task = task ?? "";
    }

    /// <summary>The policy input.</summary>
    public PolicyInput Input { get; }

    /// <summary>Ground-truth intervals.</summary>
    public IReadOnlyList<AnomalyInterval> GroundTruth { get; }

    /// <summary>Ground-truth class, or null when unknown.</summary>
    public AnomalyClass? GroundTruthClass { get; }

    /// <summary>The ExpCoT text.</summary>
    public string ExpertReference { get; }

    /// <summary>Identifier for logs.</summary>
    public string Id { get; }

    /// <summary>The task or category, for evaluation rows.</summary>
    public string Task { get; }

    /// <summary>The series length T of the reward.</summary>
    public int SeriesLength => Input.SeriesLength;

    /// <summary>The OT reference text for <paramref name="mode"/>: the ExpCoT, or the generic explanation in
    /// <see cref="TimerPoMode.GenericCoT"/>.</summary>
    public string ReferenceText(TimerPoMode mode) =>
        mode == TimerPoMode.GenericCoT ? GenericCotText.Build(GroundTruth, GroundTruthClass) : ExpertReference;
}
