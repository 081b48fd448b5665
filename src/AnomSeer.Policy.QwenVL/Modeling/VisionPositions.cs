namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// The (row, column) of every vision patch in the order of the patch rows (spec §3.4, §4.2): per temporal group, per
/// merge block in raster order, the patches of the block in raster order.
/// </summary>
internal static class VisionPositions
{
    /// <summary>Row and column of each patch of all images, concatenated.</summary>
    public static (int[] Rows, int[] Cols) Of(IReadOnlyList<ImageGrid> grids, int mergeSize)
    {
        int total = grids.Sum(g => g.Patches);
        var rows = new int[total];
        var cols = new int[total];
        int n = 0;
        foreach (var g in grids)
            for (int t = 0; t < g.T; t++)
                for (int bh = 0; bh < g.H / mergeSize; bh++)
                    for (int bw = 0; bw < g.W / mergeSize; bw++)
                        for (int mh = 0; mh < mergeSize; mh++)
                            for (int mw = 0; mw < mergeSize; mw++)
                            {
                                rows[n] = bh * mergeSize + mh;
                                cols[n] = bw * mergeSize + mw;
                                n++;
                            }
        return (rows, cols);
    }
}
