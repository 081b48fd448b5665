namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>The patch grid of one image or video: <c>image_grid_thw</c> (temporal groups, patch rows, patch columns).</summary>
/// <param name="T">Temporal groups (1 for a still image).</param>
/// <param name="H">Patch rows (height / 14).</param>
/// <param name="W">Patch columns (width / 14).</param>
public readonly record struct ImageGrid(int T, int H, int W)
{
    /// <summary>Number of vision patches: T·H·W.</summary>
    public int Patches => T * H * W;

    /// <summary>Number of language tokens after merging <paramref name="mergeSize"/>² patches.</summary>
    public int Tokens(int mergeSize) => Patches / (mergeSize * mergeSize);
}
