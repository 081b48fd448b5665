namespace AnomSeer.Policy;

/// <summary>What <see cref="IPolicyModel.ScoreResponses"/> computes.</summary>
public sealed record ScoringOptions
{
    /// <summary>Whether the log-probabilities carry gradients (the policy update) or not (old/reference policy).
    /// Default false.</summary>
    public bool WithGradients { get; init; }

    /// <summary>Whether to compute the per-token entropy of the predictive distribution. Default false.</summary>
    public bool ComputeEntropy { get; init; }

    /// <summary>Whether to return the final-layer hidden states at the response tokens (method spec b.5 step 1). Default false.</summary>
    public bool ReturnHiddenStates { get; init; }

    /// <summary>Temperature the logits are divided by before the softmax (veRL divides by the rollout temperature);
    /// positive. Default 1.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Temperature"/> is not positive and finite.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Temperature) || Temperature <= 0)
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Must be positive and finite.");
    }
}
