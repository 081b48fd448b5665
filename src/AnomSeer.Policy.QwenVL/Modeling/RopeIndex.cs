namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// <c>get_rope_index</c> for images (spec §6.4): the (temporal, height, width) position of every token and the
/// per-row <c>rope_delta</c> that continues the positions during cached decoding (spec §6.5). Pure integer code.
/// </summary>
internal static class RopeIndex
{
    /// <summary>Computes the 3-axis positions.</summary>
    /// <param name="ids">B rows of L token ids (padded rows have the same length).</param>
    /// <param name="mask">B rows of L flags, true at real tokens; null when nothing is padded.</param>
    /// <param name="grids">The images in order of their placeholders across the whole batch.</param>
    /// <param name="mergeSize">Spatial merge size.</param>
    /// <param name="imageTokenId">The image placeholder id.</param>
    /// <param name="visionStartTokenId">The vision-start id.</param>
    /// <param name="imageRegion">Per row, the number of leading (padded-row) tokens that may hold image blocks; null: all.</param>
    /// <returns>Positions <c>[axis][row][token]</c> (padding gets 1) and <c>rope_delta</c> per row.</returns>
    /// <exception cref="ArgumentException">There are more image blocks than grids.</exception>
    public static (long[][][] Positions, long[] Deltas) Compute(IReadOnlyList<IReadOnlyList<int>> ids, IReadOnlyList<IReadOnlyList<bool>>? mask,
        IReadOnlyList<ImageGrid> grids, int mergeSize, int imageTokenId, int visionStartTokenId, IReadOnlyList<int>? imageRegion = null)
    {
        int b = ids.Count;
        var positions = new long[3][][];
        for (int a = 0; a < 3; a++) positions[a] = new long[b][];
        var deltas = new long[b];
        int imageIndex = 0;
        for (int i = 0; i < b; i++)
        {
            int length = ids[i].Count;
            for (int a = 0; a < 3; a++) positions[a][i] = Enumerable.Repeat(1L, length).ToArray();
            var realIndex = Enumerable.Range(0, length).Where(k => mask is null || mask[i][k]).ToArray();
            var toks = realIndex.Select(k => ids[i][k]).ToArray();
            // Image blocks are looked for in the region only (real tokens before the region end).
            int region = imageRegion is null ? toks.Length : realIndex.Count(k => k < imageRegion[i]);
            int images = 0;
            for (int k = 0; k + 1 < region; k++)
                if (toks[k] == visionStartTokenId && toks[k + 1] == imageTokenId) images++;
            var t = new List<long>(toks.Length);
            var h = new List<long>(toks.Length);
            var w = new List<long>(toks.Length);
            long max = -1;
            int st = 0;
            for (int m = 0; m < images; m++)
            {
                int ed = Array.IndexOf(toks, imageTokenId, st, Math.Max(0, region - st));
                if (ed < 0) break;
                if (imageIndex >= grids.Count)
                    throw new ArgumentException($"Row {i} has more image blocks than the {grids.Count} image grids given.", nameof(grids));
                var g = grids[imageIndex++];
                int lt = g.T, lh = g.H / mergeSize, lw = g.W / mergeSize;
                long stIdx = max + 1;
                int textLen = ed - st;
                for (int k = 0; k < textLen; k++) { t.Add(stIdx + k); h.Add(stIdx + k); w.Add(stIdx + k); }
                for (int ta = 0; ta < lt; ta++)
                    for (int hb = 0; hb < lh; hb++)
                        for (int wc = 0; wc < lw; wc++)
                        {
                            t.Add(textLen + stIdx);
                            h.Add(hb + textLen + stIdx);
                            w.Add(wc + textLen + stIdx);
                        }
                max = Math.Max(Math.Max(t.Count > 0 ? t.Max() : -1, h.Max()), w.Max());
                st = ed + lt * lh * lw;
            }
            if (st < toks.Length)
            {
                long stIdx = max + 1;
                for (int k = 0; k < toks.Length - st; k++) { t.Add(stIdx + k); h.Add(stIdx + k); w.Add(stIdx + k); }
            }
            for (int k = 0; k < realIndex.Length; k++)
            {
                positions[0][i][realIndex[k]] = t[k];
                positions[1][i][realIndex[k]] = h[k];
                positions[2][i][realIndex[k]] = w[k];
            }
            long rowMax = toks.Length == 0 ? 0 : Math.Max(Math.Max(t.Max(), h.Max()), w.Max());
            deltas[i] = rowMax + 1 - length;
        }
        return (positions, deltas);
    }

    /// <summary>Positions of <paramref name="count"/> new tokens during cached decoding: <c>cache_position + k + rope_delta</c>
    /// on all three axes (spec §6.5).</summary>
    public static long[] DecodePositions(long cachePosition, int count, long delta) =>
        Enumerable.Range(0, count).Select(k => cachePosition + k + delta).ToArray();
}
