using AnomSeer.OptimalTransport;

namespace AnomSeer.Training;

/// <summary>
/// Settings of <see cref="TimerPoTrainer"/>. Every default is the paper's run configuration (method spec b.4–b.9), except
/// the learning rate and the batch sizes, whose defaults suit the compact model on a CPU (see
/// <see cref="Defaults.LearningRate"/> and <see cref="Defaults.PromptsPerStep"/>); every other value is a named deviation.
/// </summary>
public sealed record TimerPoOptions
{
    /// <summary>The default values, each with the spec item it comes from.</summary>
    public static class Defaults
    {
        /// <summary>Full TimerPO (spec b.6, b.9).</summary>
        public const TimerPoMode Mode = TimerPoMode.TimerPO;

        /// <summary>5 responses per prompt (spec b.8: <c>rollout.n = 5</c>).</summary>
        public const int ResponsesPerPrompt = 5;

        /// <summary>Rollout temperature 1.0 (spec b.8, training sampling), top-p 1.0.</summary>
        public const double RolloutTemperature = 1.0;

        /// <summary>Evaluation temperature 0.4 (spec b.8: <c>val_kwargs</c>).</summary>
        public const double EvaluationTemperature = 0.4;

        /// <summary>Top-p 1.0: no truncation (spec b.8).</summary>
        public const double TopP = 1.0;

        /// <summary>At most 1024 response tokens (spec b.8: max response length).</summary>
        public const int MaxResponseTokens = 1024;

        /// <summary>PPO clip ε = 0.2, symmetric (spec b.7: <c>clip_ratio</c>; no clip-higher, spec b.10).</summary>
        public const double ClipRatio = 0.2;

        /// <summary>Entropy coefficient 0.001 (spec b.7: <c>entropy_coeff</c>).</summary>
        public const double EntropyCoefficient = 0.001;

        /// <summary>KL loss coefficient 0.001, k3 "low_var_kl" against the frozen initial policy (spec b.7, b.8).</summary>
        public const double KlCoefficient = 0.001;

        /// <summary>The per-token k3 KL is clamped to [−10, 10] (spec b.7).</summary>
        public const double KlClamp = 10.0;

        /// <summary>
        /// Learning rate 1e-4, constant. The paper uses 1e-6 (spec b.7) to fine-tune a pretrained 3B/7B backbone, where
        /// each parameter is one of billions and tiny steps already move the output. The compact policy has about
        /// 1–2 M parameters trained from scratch by SFT: at 1e-6 a few hundred steps leave it practically unchanged, so
        /// the default is the order used to fine-tune such small transformers. Not tuned by long runs (see docs/training.md).
        /// </summary>
        public const double LearningRate = 1e-4;

        /// <summary>AdamW β1 0.9 (spec b.7, inferred from veRL).</summary>
        public const double Beta1 = 0.9;

        /// <summary>AdamW β2 0.999 (spec b.7, inferred from veRL).</summary>
        public const double Beta2 = 0.999;

        /// <summary>AdamW ε 1e-8 (PyTorch's default, which veRL keeps).</summary>
        public const double AdamEpsilon = 1e-8;

        /// <summary>AdamW weight decay 0.01 (spec b.7, inferred from veRL).</summary>
        public const double WeightDecay = 0.01;

        /// <summary>Gradient clipping to global norm 1.0 (spec b.7: <c>grad_clip</c>).</summary>
        public const double MaxGradNorm = 1.0;

        /// <summary>One PPO epoch per step (spec b.7).</summary>
        public const int PpoEpochs = 1;

        /// <summary>
        /// 8 prompts per step (40 responses). The paper uses 128 prompts × 5 = 640 responses (spec b.8) on 4 GPUs; on
        /// 2 CPU cores generation dominates, and 8 prompts keep a step in seconds while leaving 5-response groups intact.
        /// </summary>
        public const int PromptsPerStep = 8;

        /// <summary>
        /// 0: the mini-batch is the whole step, i.e. one optimiser step per RL step, as the paper's
        /// <c>ppo_mini_batch_size = 128</c> prompts gives (spec b.7).
        /// </summary>
        public const int MiniBatchResponses = 0;

        /// <summary>0: each mini-batch goes through the network in one forward pass (no gradient accumulation).</summary>
        public const int MicroBatchResponses = 0;

        /// <summary>The ExpCoT reference is truncated to 512 tokens (spec b.5 step 2: <c>numtext_max_len</c>).</summary>
        public const int ReferenceMaxTokens = 512;

        /// <summary>Seed 0.</summary>
        public const int Seed = 0;
    }

    /// <summary>TimerPO or an ablation. Default <see cref="Defaults.Mode"/>.</summary>
    public TimerPoMode Mode { get; init; } = Defaults.Mode;

    /// <summary>Responses sampled per prompt (the group size), at least 1. Default <see cref="Defaults.ResponsesPerPrompt"/>.</summary>
    public int ResponsesPerPrompt { get; init; } = Defaults.ResponsesPerPrompt;

    /// <summary>Sampling temperature of the rollouts, positive; the log-probabilities are recomputed at this temperature as
    /// veRL does. Default <see cref="Defaults.RolloutTemperature"/>.</summary>
    public double RolloutTemperature { get; init; } = Defaults.RolloutTemperature;

    /// <summary>Sampling temperature for evaluation (used by evaluation loops, not by a training step). Default
    /// <see cref="Defaults.EvaluationTemperature"/>.</summary>
    public double EvaluationTemperature { get; init; } = Defaults.EvaluationTemperature;

    /// <summary>Nucleus mass of the rollouts, in (0, 1]. Default <see cref="Defaults.TopP"/>.</summary>
    public double TopP { get; init; } = Defaults.TopP;

    /// <summary>Maximum tokens per response, at least 1. Default <see cref="Defaults.MaxResponseTokens"/>.</summary>
    public int MaxResponseTokens { get; init; } = Defaults.MaxResponseTokens;

    /// <summary>PPO clip ε in (0, 1): ratios are clipped to [1 − ε, 1 + ε]. Default <see cref="Defaults.ClipRatio"/>.</summary>
    public double ClipRatio { get; init; } = Defaults.ClipRatio;

    /// <summary>Weight of the entropy bonus (subtracted from the loss), at least 0. Default <see cref="Defaults.EntropyCoefficient"/>.</summary>
    public double EntropyCoefficient { get; init; } = Defaults.EntropyCoefficient;

    /// <summary>Weight of the k3 KL loss against the reference policy, at least 0 (0 skips the reference forward).
    /// Default <see cref="Defaults.KlCoefficient"/>.</summary>
    public double KlCoefficient { get; init; } = Defaults.KlCoefficient;

    /// <summary>Clamp of the per-token k3 KL, positive. Default <see cref="Defaults.KlClamp"/>.</summary>
    public double KlClamp { get; init; } = Defaults.KlClamp;

    /// <summary>Constant AdamW learning rate, positive. Default <see cref="Defaults.LearningRate"/>.</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>AdamW β1 in [0, 1). Default <see cref="Defaults.Beta1"/>.</summary>
    public double Beta1 { get; init; } = Defaults.Beta1;

    /// <summary>AdamW β2 in [0, 1). Default <see cref="Defaults.Beta2"/>.</summary>
    public double Beta2 { get; init; } = Defaults.Beta2;

    /// <summary>AdamW ε, positive. Default <see cref="Defaults.AdamEpsilon"/>.</summary>
    public double AdamEpsilon { get; init; } = Defaults.AdamEpsilon;

    /// <summary>AdamW decoupled weight decay, at least 0. Default <see cref="Defaults.WeightDecay"/>.</summary>
    public double WeightDecay { get; init; } = Defaults.WeightDecay;

    /// <summary>Global gradient-norm clip, positive (infinity disables it). Default <see cref="Defaults.MaxGradNorm"/>.</summary>
    public double MaxGradNorm { get; init; } = Defaults.MaxGradNorm;

    /// <summary>Passes over the step's responses, at least 1. Default <see cref="Defaults.PpoEpochs"/>.</summary>
    public int PpoEpochs { get; init; } = Defaults.PpoEpochs;

    /// <summary>Prompts per RL step, at least 1. Default <see cref="Defaults.PromptsPerStep"/>.</summary>
    public int PromptsPerStep { get; init; } = Defaults.PromptsPerStep;

    /// <summary>Responses per optimiser step; 0 means all responses of the RL step. Default <see cref="Defaults.MiniBatchResponses"/>.</summary>
    public int MiniBatchResponses { get; init; } = Defaults.MiniBatchResponses;

    /// <summary>
    /// Responses per forward pass; 0 means the whole mini-batch. With several micro-batches each one's token-mean loss is
    /// divided by their number before the backward pass (veRL's gradient accumulation, spec b.7). Default
    /// <see cref="Defaults.MicroBatchResponses"/>.
    /// </summary>
    public int MicroBatchResponses { get; init; } = Defaults.MicroBatchResponses;

    /// <summary>Tokens kept of each reference text (ExpCoT or generic), at least 1. Default <see cref="Defaults.ReferenceMaxTokens"/>.</summary>
    public int ReferenceMaxTokens { get; init; } = Defaults.ReferenceMaxTokens;

    /// <summary>
    /// The advantage settings (α = 0.3, τ = 0.5, Sinkhorn ε = 0.08 with 50 iterations, softmax-of-norms masses; spec
    /// b.4–b.6, b.8). Its <see cref="TimerPoAdvantageOptions.Mode"/> is ignored: <see cref="Mode"/> decides it.
    /// </summary>
    public TimerPoAdvantageOptions Advantage { get; init; } = TimerPoAdvantageOptions.Paper;

    /// <summary>Seed of the rollouts and of the prompt order. Default <see cref="Defaults.Seed"/>.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>A file to which every step's metrics are appended as one JSON line, or null for none.</summary>
    public string? MetricsLogPath { get; init; }

    /// <summary>The advantage mode that <see cref="Mode"/> implies.</summary>
    public AdvantageMode AdvantageMode => Mode switch
    {
        TimerPoMode.NoOrthogonalization => OptimalTransport.AdvantageMode.NoOrthogonalization,
        TimerPoMode.OutcomeOnly => OptimalTransport.AdvantageMode.OutcomeOnly,
        _ => OptimalTransport.AdvantageMode.TimerPO,
    };

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the parameter name is the property's.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Advantage"/> is null.</exception>
    public void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || double.IsNaN(v)) throw new ArgumentOutOfRangeException(name, v, "Must be greater than 0.");
        }
        static void NonNegative(double v, string name)
        {
            if (!(v >= 0) || !double.IsFinite(v)) throw new ArgumentOutOfRangeException(name, v, "Must be finite and at least 0.");
        }
        static void AtLeast(int v, int min, string name)
        {
            if (v < min) throw new ArgumentOutOfRangeException(name, v, $"Must be at least {min}.");
        }
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown mode.");
        AtLeast(ResponsesPerPrompt, 1, nameof(ResponsesPerPrompt));
        Positive(RolloutTemperature, nameof(RolloutTemperature));
        if (!double.IsFinite(RolloutTemperature)) throw new ArgumentOutOfRangeException(nameof(RolloutTemperature), RolloutTemperature, "Must be finite.");
        NonNegative(EvaluationTemperature, nameof(EvaluationTemperature));
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "Must be in (0, 1].");
        AtLeast(MaxResponseTokens, 1, nameof(MaxResponseTokens));
        if (!(ClipRatio > 0 && ClipRatio < 1)) throw new ArgumentOutOfRangeException(nameof(ClipRatio), ClipRatio, "Must be in (0, 1).");
        NonNegative(EntropyCoefficient, nameof(EntropyCoefficient));
        NonNegative(KlCoefficient, nameof(KlCoefficient));
        Positive(KlClamp, nameof(KlClamp));
        Positive(LearningRate, nameof(LearningRate));
        if (!double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be finite.");
        if (!(Beta1 >= 0 && Beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Must be in [0, 1).");
        if (!(Beta2 >= 0 && Beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(Beta2), Beta2, "Must be in [0, 1).");
        Positive(AdamEpsilon, nameof(AdamEpsilon));
        NonNegative(WeightDecay, nameof(WeightDecay));
        Positive(MaxGradNorm, nameof(MaxGradNorm));
        AtLeast(PpoEpochs, 1, nameof(PpoEpochs));
        AtLeast(PromptsPerStep, 1, nameof(PromptsPerStep));
        AtLeast(MiniBatchResponses, 0, nameof(MiniBatchResponses));
        AtLeast(MicroBatchResponses, 0, nameof(MicroBatchResponses));
        AtLeast(ReferenceMaxTokens, 1, nameof(ReferenceMaxTokens));
        ArgumentNullException.ThrowIfNull(Advantage);
        Advantage.Validate();
    }
}
