namespace AnomSeer.Policy.QwenVL.Configuration;

/// <summary>The vision encoder of Qwen2.5-VL (spec §1.1, §4): patching, window attention, merger.</summary>
public sealed record QwenVLVisionConfig
{
    /// <summary>Number of vision blocks (32).</summary>
    public int Depth { get; init; } = 32;

    /// <summary>Vision width (1280).</summary>
    public int HiddenSize { get; init; } = 1280;

    /// <summary>Width of the vision SwiGLU MLP (3420).</summary>
    public int IntermediateSize { get; init; } = 3420;

    /// <summary>Vision attention heads (16, head width 80).</summary>
    public int NumHeads { get; init; } = 16;

    /// <summary>Image channels (3).</summary>
    public int InChannels { get; init; } = 3;

    /// <summary>Spatial patch side in pixels (14).</summary>
    public int PatchSize { get; init; } = 14;

    /// <summary>Frames per temporal patch (2; a still image is duplicated).</summary>
    public int TemporalPatchSize { get; init; } = 2;

    /// <summary>Side of the square of patches merged into one language token (2).</summary>
    public int SpatialMergeSize { get; init; } = 2;

    /// <summary>Attention window side in pixels (112 = 4 merged tokens).</summary>
    public int WindowSize { get; init; } = 112;

    /// <summary>Blocks with full (per-image) attention; the others attend within windows.</summary>
    public IReadOnlyList<int> FullAttBlockIndexes { get; init; } = [7, 15, 23, 31];

    /// <summary>Width of the merged tokens handed to the decoder (= text hidden size).</summary>
    public int OutHiddenSize { get; init; }

    /// <summary>Temporal rotary speed for videos (2); unused for images.</summary>
    public int TokensPerSecond { get; init; } = 2;

    /// <summary>Width of one vision head.</summary>
    public int HeadDim => NumHeads == 0 ? 0 : HiddenSize / NumHeads;

    /// <summary>Values in one flattened patch row: channels · temporal · patch².</summary>
    public int PatchDim => InChannels * TemporalPatchSize * PatchSize * PatchSize;

    /// <summary>Window side in merged tokens: window_size / merge / patch.</summary>
    public int WindowTokens => WindowSize / SpatialMergeSize / PatchSize;

    /// <summary>Throws when the sizes are inconsistent (spec §9.1 constraints).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending field, by name.</exception>
    public void Validate()
    {
        QwenVLTextConfig.Positive(Depth, nameof(Depth));
        QwenVLTextConfig.Positive(HiddenSize, nameof(HiddenSize));
        QwenVLTextConfig.Positive(IntermediateSize, nameof(IntermediateSize));
        QwenVLTextConfig.Positive(NumHeads, nameof(NumHeads));
        QwenVLTextConfig.Positive(InChannels, nameof(InChannels));
        QwenVLTextConfig.Positive(PatchSize, nameof(PatchSize));
        QwenVLTextConfig.Positive(TemporalPatchSize, nameof(TemporalPatchSize));
        QwenVLTextConfig.Positive(SpatialMergeSize, nameof(SpatialMergeSize));
        QwenVLTextConfig.Positive(OutHiddenSize, nameof(OutHiddenSize));
        if (HiddenSize % NumHeads != 0)
            throw new ArgumentOutOfRangeException(nameof(NumHeads), NumHeads, $"The vision width {HiddenSize} is not divisible by the head count.");
        if (HeadDim % 4 != 0)
            throw new ArgumentOutOfRangeException(nameof(NumHeads), NumHeads, $"The vision head width {HeadDim} must be a multiple of 4 (2-D rotary).");
        if (WindowSize <= 0 || WindowSize % (SpatialMergeSize * PatchSize) != 0)
            throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "Must be a positive multiple of merge · patch.");
        if (FullAttBlockIndexes is null || FullAttBlockIndexes.Any(i => i < 0 || i >= Depth))
            throw new ArgumentOutOfRangeException(nameof(FullAttBlockIndexes), "Every index must be a block index in [0, depth).");
    }
}
