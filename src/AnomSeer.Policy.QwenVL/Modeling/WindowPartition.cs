namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// The window partition of the vision encoder (spec §4.3), computed once per forward: the order in which merged tokens
/// are visited (window by window), the window boundaries and the per-image (full attention) boundaries, in patches.
/// </summary>
/// <param name="WindowIndex">For each position of the window order, the raster-order merged-token index.</param>
/// <param name="CuWindowSeqlens">Window boundaries in patches, consecutive duplicates removed (empty windows dropped).</param>
/// <param name="CuSeqlens">Image (per temporal slice) boundaries in patches.</param>
internal sealed record WindowPartition(int[] WindowIndex, int[] CuWindowSeqlens, int[] CuSeqlens)
{
    /// <summary>Computes the partition of <paramref name="grids"/>.</summary>
    /// <param name="grids">The images, in order.</param>
    /// <param name="mergeSize">Spatial merge size (2).</param>
    /// <param name="windowTokens">Window side in merged tokens (window_size / merge / patch).</param>
    public static WindowPartition Compute(IReadOnlyList<ImageGrid> grids, int mergeSize, int windowTokens)
    {
        int unit = mergeSize * mergeSize;
        var index = new List<int>();
        var cu = new List<int> { 0 };
        int offset = 0;
        foreach (var g in grids)
        {
            int h = g.H / mergeSize, w = g.W / mergeSize;
            // As the reference: the padding is a full window when the side is already a multiple (empty windows follow).
            int padH = windowTokens - h % windowTokens, padW = windowTokens - w % windowTokens;
            int nH = (h + padH) / windowTokens, nW = (w + padW) / windowTokens;
            for (int t = 0; t < g.T; t++)
                for (int a = 0; a < nH; a++)
                    for (int b = 0; b < nW; b++)
                    {
                        int count = 0;
                        for (int r = a * windowTokens; r < Math.Min(h, (a + 1) * windowTokens); r++)
                            for (int c = b * windowTokens; c < Math.Min(w, (b + 1) * windowTokens); c++)
                            {
                                index.Add(offset + t * h * w + r * w + c);
                                count++;
                            }
                        cu.Add(cu[^1] + count * unit);
                    }
            offset += g.T * h * w;
        }
        var unique = new List<int>(cu.Count);
        foreach (var v in cu)
            if (unique.Count == 0 || unique[^1] != v) unique.Add(v);
        var full = new List<int> { 0 };
        foreach (var g in grids)
            for (int t = 0; t < g.T; t++) full.Add(full[^1] + g.H * g.W);
        return new WindowPartition(index.ToArray(), unique.ToArray(), full.ToArray());
    }

    /// <summary>The inverse permutation of <see cref="WindowIndex"/> (argsort), which restores raster order.</summary>
    public int[] ReverseIndex()
    {
        var reverse = new int[WindowIndex.Length];
        for (int i = 0; i < WindowIndex.Length; i++) reverse[WindowIndex[i]] = i;
        return reverse;
    }
}
