using AnomSeer.Policy.QwenVL.Processing;

namespace AnomSeer.Policy.QwenVL;

/// <summary>
/// Settings of <see cref="QwenVLPolicy"/>. The sampling defaults are the RL ones (spec §8.2): no top-k, no repetition
/// penalty, so that the sampling distribution is the policy distribution the PPO ratio uses; temperature and top-p come
/// from <see cref="SamplingOptions"/>. The checkpoint's chat defaults are in <see cref="Configuration.QwenVLGenerationConfig"/>.
/// </summary>
public sealed record QwenVLPolicyOptions
{
    /// <summary>The system prompt; null gives the template's default ("You are a helpful assistant.").</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Keep only the k most likely tokens when sampling; 0 (default) disables it.</summary>
    public int TopK { get; init; }

    /// <summary>Repetition penalty over the prompt and generated tokens; 1 (default) disables it.</summary>
    public double RepetitionPenalty { get; init; } = 1.0;

    /// <summary>The image processor settings; null takes the checkpoint's preprocessor_config.json with this library's
    /// lower pixel bounds (see <see cref="QwenImageProcessorOptions"/>).</summary>
    public QwenImageProcessorOptions? ImageProcessor { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        if (TopK < 0) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "Must be non-negative (0 disables it).");
        if (!double.IsFinite(RepetitionPenalty) || RepetitionPenalty <= 0)
            throw new ArgumentOutOfRangeException(nameof(RepetitionPenalty), RepetitionPenalty, "Must be positive and finite (1 disables it).");
        ImageProcessor?.Validate();
    }
}
