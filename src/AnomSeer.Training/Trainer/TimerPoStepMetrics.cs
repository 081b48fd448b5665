namespace AnomSeer.Training;

/// <summary>What one TimerPO step measured (the numbers the issue asks to log). Times are in seconds.</summary>
public sealed record TimerPoStepMetrics
{
    /// <summary>The step number (0-based) this record describes.</summary>
    public long Step { get; init; }
    /// <summary>The mode trained.</summary>
    public TimerPoMode Mode { get; init; }
    /// <summary>Prompts in the step.</summary>
    public int Prompts { get; init; }
    /// <summary>Responses in the step.</summary>
    public int Responses { get; init; }
    /// <summary>Mean reward R over the responses.</summary>
    public double RewardMean { get; init; }
    /// <summary>Standard deviation of R over the responses (population).</summary>
    public double RewardStd { get; init; }
    /// <summary>Mean within-group standard deviation of R (the spread GRPO learns from).</summary>
    public double RewardGroupStdMean { get; init; }
    /// <summary>Mean of the localisation component (mean of the six metrics).</summary>
    public double LocalizationMean { get; init; }
    /// <summary>Mean class accuracy.</summary>
    public double ClassAccuracy { get; init; }
    /// <summary>Mean format flag.</summary>
    public double FormatRate { get; init; }
    /// <summary>Mean affiliation F1.</summary>
    public double AffiliationF1Mean { get; init; }
    /// <summary>Fraction of groups whose rewards are all equal (A_main ≡ 0 there; TRL's zero-std fraction).</summary>
    public double ZeroSpreadGroupFraction { get; init; }
    /// <summary>Mean OT cost W (NaN in <see cref="TimerPoMode.OutcomeOnly"/>).</summary>
    public double TransportCostMean { get; init; }
    /// <summary>Mean similarity s = exp(−W/τ) (NaN in <see cref="TimerPoMode.OutcomeOnly"/>).</summary>
    public double SimilarityMean { get; init; }
    /// <summary>Standard deviation of A_sem over the responses.</summary>
    public double SemanticAdvantageStd { get; init; }
    /// <summary>Mean projection coefficient coef_g over the groups (0 outside TimerPO).</summary>
    public double ProjectionCoefficientMean { get; init; }
    /// <summary>Mean |A| of the final advantages.</summary>
    public double AdvantageAbsMean { get; init; }
    /// <summary>Fraction of Sinkhorn solves that met their criterion.</summary>
    public double SinkhornConvergedFraction { get; init; }
    /// <summary>Total loss (mean over micro-batches of the last epoch).</summary>
    public double Loss { get; init; }
    /// <summary>PPO-clip term.</summary>
    public double PolicyGradientLoss { get; init; }
    /// <summary>Token-mean entropy.</summary>
    public double Entropy { get; init; }
    /// <summary>Token-mean k3 KL to the reference policy (NaN when the KL coefficient is 0).</summary>
    public double Kl { get; init; }
    /// <summary>Fraction of tokens where the clip was active.</summary>
    public double ClipFraction { get; init; }
    /// <summary>Token-mean logπold − logπθ.</summary>
    public double ApproximateKl { get; init; }
    /// <summary>Global gradient norm before clipping (mean over optimiser steps).</summary>
    public double GradNorm { get; init; }
    /// <summary>Optimiser steps taken.</summary>
    public int OptimizerSteps { get; init; }
    /// <summary>Mean response length in tokens.</summary>
    public double ResponseLengthMean { get; init; }
    /// <summary>Fraction of responses that ended with the end-of-sequence token.</summary>
    public double FinishedFraction { get; init; }
    /// <summary>Generated tokens per second of generation time.</summary>
    public double TokensPerSecond { get; init; }
    /// <summary>Time spent sampling.</summary>
    public double GenerationSeconds { get; init; }
    /// <summary>Time spent computing rewards.</summary>
    public double RewardSeconds { get; init; }
    /// <summary>Time spent on old/reference log-probabilities and hidden states (no gradients).</summary>
    public double HiddenStateSeconds { get; init; }
    /// <summary>Time spent on OT and advantages.</summary>
    public double TransportSeconds { get; init; }
    /// <summary>Time spent on the policy update.</summary>
    public double UpdateSeconds { get; init; }
    /// <summary>Whole step.</summary>
    public double TotalSeconds { get; init; }
}
