namespace AnomSeer.Policy.QwenVL.Lora;

/// <summary>LoRA adapters on the decoder's projections (everything else frozen).</summary>
public sealed record QwenVLLoraOptions
{
    /// <summary>All seven decoder projections: attention q, k, v, o and MLP gate, up, down.</summary>
    public static IReadOnlyList<string> AllProjections { get; } = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

    /// <summary>Adapter rank r (default 16).</summary>
    public int Rank { get; init; } = 16;

    /// <summary>Scale numerator α; the update is scaled by α / r (default 32).</summary>
    public double Alpha { get; init; } = 32;

    /// <summary>Dropout on the adapter input while training (default 0.05).</summary>
    public double Dropout { get; init; } = 0.05;

    /// <summary>Which projections get adapters (names from <see cref="AllProjections"/>); default all seven.</summary>
    public IReadOnlyList<string> TargetModules { get; init; } = AllProjections;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        if (Rank < 1) throw new ArgumentOutOfRangeException(nameof(Rank), Rank, "Must be at least 1.");
        if (!double.IsFinite(Alpha) || Alpha <= 0) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Must be positive and finite.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Must be in [0, 1).");
        if (TargetModules is null || TargetModules.Count == 0 || TargetModules.Any(t => !AllProjections.Contains(t)))
            throw new ArgumentOutOfRangeException(nameof(TargetModules), "Must name one or more of q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj.");
    }
}
