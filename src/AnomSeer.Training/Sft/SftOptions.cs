namespace AnomSeer.Training;

/// <summary>Settings of <see cref="SftTrainer"/>. The defaults suit the compact policy trained on 2 CPU cores.</summary>
public sealed record SftOptions
{
    /// <summary>Peak AdamW learning rate, reached at the end of the warm-up. Default 1e-3.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW β₁. Default 0.9.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β₂. Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>AdamW ε. Default 1e-8.</summary>
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>AdamW decoupled weight decay. Default 0.01.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Linear warm-up steps: step k &lt; W uses <c>lr · (k + 1) / W</c>. Default 100; 0 disables the warm-up.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Steps of the whole schedule; after the warm-up the rate follows a cosine from the peak down to
    /// <see cref="MinLearningRateRatio"/> · peak at this step, and stays there. Default 10,000.</summary>
    public long ScheduleSteps { get; init; } = 10_000;

    /// <summary>The final learning rate as a fraction of the peak. Default 0.1.</summary>
    public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Maximum global gradient L2 norm (clipping). Default 1.0.</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Weight of the auxiliary anomaly-head loss added to the token loss. Default 1.0; 0 trains tokens only.</summary>
    public double AnomalyHeadLossWeight { get; init; } = 1.0;

    /// <summary>
    /// Weight of the tokens after <c>&lt;/think&gt;</c> (the answer with its position tokens, and the class) in the token
    /// loss, relative to the reasoning tokens (weight 1); the loss is the weighted mean. Default 1.0, the plain mean NLL
    /// of SFT. A larger weight is a named deviation for compact models: the answer is a few tokens of a ~80-token target,
    /// and it is what the reward scores.
    /// </summary>
    public double AnswerTokenWeight { get; init; } = 1.0;

    /// <summary>How much of the ExpCoT the target's reasoning keeps. Default <see cref="SftReasoningStyle.Full"/>;
    /// <see cref="SftReasoningStyle.Concise"/> is a named deviation for compact models.</summary>
    public SftReasoningStyle ReasoningStyle { get; init; } = SftReasoningStyle.Full;

    /// <summary>Examples per optimisation step. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seed of the example order (<see cref="PromptSchedule"/>) and of the evaluation sampling. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Run <see cref="SftTrainer.Evaluate"/> on the held-out split every this many steps during
    /// <see cref="SftTrainer.Train"/> (and after the last one); 0 (default) never.</summary>
    public int EvaluationInterval { get; init; }

    /// <summary>Evaluation settings (temperature, top-p, response length, sampling seed) of
    /// <see cref="SftTrainer.Evaluate"/> when it is given none, and of the periodic evaluation; null (default) uses the
    /// paper's evaluation settings (temperature 0.4) with <see cref="Seed"/>.</summary>
    public TimerPoOptions? Evaluation { get; init; }

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be positive and finite.");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Must be in [0, 1).");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "Must be in [0, 1).");
        if (!(AdamEpsilon > 0)) throw new ArgumentOutOfRangeException(nameof(AdamEpsilon), AdamEpsilon, "Must be positive.");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "Must be non-negative.");
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(ScheduleSteps, 1);
        if (!(MinLearningRateRatio >= 0 && MinLearningRateRatio <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinLearningRateRatio), MinLearningRateRatio, "Must be in [0, 1].");
        if (!(MaxGradNorm > 0)) throw new ArgumentOutOfRangeException(nameof(MaxGradNorm), MaxGradNorm, "Must be positive.");
        if (!(AnomalyHeadLossWeight >= 0) || !double.IsFinite(AnomalyHeadLossWeight))
            throw new ArgumentOutOfRangeException(nameof(AnomalyHeadLossWeight), AnomalyHeadLossWeight, "Must be non-negative and finite.");
        if (!(AnswerTokenWeight > 0) || !double.IsFinite(AnswerTokenWeight))
            throw new ArgumentOutOfRangeException(nameof(AnswerTokenWeight), AnswerTokenWeight, "Must be positive and finite.");
        if (!Enum.IsDefined(ReasoningStyle))
            throw new ArgumentOutOfRangeException(nameof(ReasoningStyle), ReasoningStyle, "Not a defined SftReasoningStyle.");
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(EvaluationInterval);
        Evaluation?.Validate();
    }
}
