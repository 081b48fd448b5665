namespace AnomSeer.Policy.QwenVL.Configuration;

/// <summary>The Qwen2 text decoder of Qwen2.5-VL (spec §1.1, §6): sizes, normalisation, rotary settings.</summary>
public sealed record QwenVLTextConfig
{
    /// <summary>Rows of the embedding (and of the output head): 151,936 (3B), 152,064 (7B).</summary>
    public int VocabSize { get; init; }

    /// <summary>Model width H.</summary>
    public int HiddenSize { get; init; }

    /// <summary>Width of the SwiGLU MLP.</summary>
    public int IntermediateSize { get; init; }

    /// <summary>Number of decoder layers.</summary>
    public int NumHiddenLayers { get; init; }

    /// <summary>Query heads.</summary>
    public int NumAttentionHeads { get; init; }

    /// <summary>Key/value heads (grouped-query attention).</summary>
    public int NumKeyValueHeads { get; init; }

    /// <summary>RMSNorm epsilon (1e-6).</summary>
    public double RmsNormEps { get; init; } = 1e-6;

    /// <summary>Rotary base θ (1e6 for the released checkpoints).</summary>
    public double RopeTheta { get; init; } = 1_000_000.0;

    /// <summary>M-RoPE sections (temporal, height, width) in frequency pairs; 2·sum must equal <see cref="HeadDim"/>.</summary>
    public IReadOnlyList<int> MropeSection { get; init; } = [16, 24, 24];

    /// <summary>Whether the output head shares the embedding matrix (3B: true, 7B: false).</summary>
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Maximum positions (informational; rotary needs no table).</summary>
    public int MaxPositionEmbeddings { get; init; } = 128_000;

    /// <summary>Width of one attention head: <see cref="HiddenSize"/> / <see cref="NumAttentionHeads"/>.</summary>
    public int HeadDim => NumAttentionHeads == 0 ? 0 : HiddenSize / NumAttentionHeads;

    /// <summary>Throws when the sizes are inconsistent (spec §9.1 constraints).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending field, by name.</exception>
    public void Validate()
    {
        Positive(VocabSize, nameof(VocabSize));
        Positive(HiddenSize, nameof(HiddenSize));
        Positive(IntermediateSize, nameof(IntermediateSize));
        Positive(NumHiddenLayers, nameof(NumHiddenLayers));
        Positive(NumAttentionHeads, nameof(NumAttentionHeads));
        Positive(NumKeyValueHeads, nameof(NumKeyValueHeads));
        if (HiddenSize % NumAttentionHeads != 0)
            throw new ArgumentOutOfRangeException(nameof(NumAttentionHeads), NumAttentionHeads, $"hidden_size {HiddenSize} is not divisible by the head count.");
        if (NumAttentionHeads % NumKeyValueHeads != 0)
            throw new ArgumentOutOfRangeException(nameof(NumKeyValueHeads), NumKeyValueHeads, $"num_attention_heads {NumAttentionHeads} is not divisible by the key/value head count.");
        if (HeadDim % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(HiddenSize), HiddenSize, "The head width must be even for rotary embeddings.");
        if (MropeSection is null || MropeSection.Count != 3 || MropeSection.Any(s => s < 0) || 2 * MropeSection.Sum() != HeadDim)
            throw new ArgumentOutOfRangeException(nameof(MropeSection), MropeSection is null ? "null" : string.Join(",", MropeSection),
                $"Needs three non-negative sections with 2·sum = head_dim ({HeadDim}).");
        if (!(RmsNormEps > 0)) throw new ArgumentOutOfRangeException(nameof(RmsNormEps), RmsNormEps, "Must be positive.");
        if (!(RopeTheta > 0)) throw new ArgumentOutOfRangeException(nameof(RopeTheta), RopeTheta, "Must be positive.");
    }

    internal static void Positive(int value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
    }
}
