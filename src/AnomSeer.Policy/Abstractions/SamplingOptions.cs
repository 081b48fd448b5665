namespace AnomSeer.Policy;

/// <summary>How <see cref="IPolicyModel.Sample"/> draws responses. Defaults are the paper's training rollout (method spec b.8).</summary>
public sealed record SamplingOptions
{
    /// <summary>The paper's values.</summary>
    public static class Defaults
    {
        /// <summary>Responses per prompt: 5 (rollout.n, spec b.8).</summary>
        public const int ResponsesPerPrompt = 5;

        /// <summary>Temperature 1.0 for training rollouts (spec b.8; validation uses 0.4).</summary>
        public const double Temperature = 1.0;

        /// <summary>Nucleus mass 1.0, i.e. no truncation (spec b.8).</summary>
        public const double TopP = 1.0;

        /// <summary>At most 1024 response tokens (max_response_length, spec b.1).</summary>
        public const int MaxNewTokens = 1024;

        /// <summary>Seed 0.</summary>
        public const int Seed = 0;
    }

    /// <summary>Responses drawn per prompt, at least 1.</summary>
    public int ResponsesPerPrompt { get; init; } = Defaults.ResponsesPerPrompt;

    /// <summary>Softmax temperature; 0 means greedy (arg-max). The returned log-probabilities are those of the
    /// temperature-scaled distribution before top-p truncation (as veRL recomputes them); with temperature 0, of the
    /// unscaled distribution.</summary>
    public double Temperature { get; init; } = Defaults.Temperature;

    /// <summary>Nucleus sampling mass in (0, 1].</summary>
    public double TopP { get; init; } = Defaults.TopP;

    /// <summary>Maximum number of generated tokens per response, at least 1.</summary>
    public int MaxNewTokens { get; init; } = Defaults.MaxNewTokens;

    /// <summary>Seed. Response (prompt i, sample j) draws from its own generator seeded by (seed, i, j): the same seed,
    /// inputs and weights give the same responses, and a response does not depend on the other prompts of the batch.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>
    /// Whether decoding keeps a key/value cache (the default, true): each step then runs the decoder on the new token
    /// only. False recomputes the decoder over the whole sequence (prefix and every token generated so far) at every
    /// step: the same token ids and log-probabilities up to float rounding, at a cost that grows quadratically with the
    /// response length. Slow; meant for benchmarks and for checking the cache, not for training. Honoured by
    /// <see cref="Tiny.TinyPolicyModel"/>; another implementation may always cache.
    /// </summary>
    public bool UseKeyValueCache { get; init; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        if (ResponsesPerPrompt < 1) throw new ArgumentOutOfRangeException(nameof(ResponsesPerPrompt), ResponsesPerPrompt, "Must be at least 1.");
        if (!double.IsFinite(Temperature) || Temperature < 0) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Must be finite and non-negative.");
        if (!(TopP > 0 && TopP <= 1)) throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "Must be in (0, 1].");
        if (MaxNewTokens < 1) throw new ArgumentOutOfRangeException(nameof(MaxNewTokens), MaxNewTokens, "Must be at least 1.");
    }
}
