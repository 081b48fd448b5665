using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// The two forward passes of generation over a <see cref="QwenVLNetwork"/>: a full pass (prefill, or teacher forcing)
/// with positions from <see cref="RopeIndex"/>, and a cached decode step at <c>cache_position + rope_delta</c>.
/// </summary>
internal static class QwenVLForward
{
    /// <summary>A full forward pass over token rows of equal length.</summary>
    /// <param name="network">The network.</param>
    /// <param name="ids">B rows of L token ids.</param>
    /// <param name="valid">B rows of L flags (false at padding), or null when nothing is padded.</param>
    /// <param name="pixelValues"><c>(N, patch_dim)</c> patch rows of all images in placeholder order, or null.</param>
    /// <param name="grids">The images' grids (empty without images).</param>
    /// <param name="cache">An empty cache to fill (prefill), or null.</param>
    /// <param name="imageRegion">Per row, the number of leading tokens that may hold image blocks (the prompt); null:
    /// the whole row. Image-pad ids after it (generated ones) are ordinary tokens.</param>
    /// <returns>Final-norm hidden states <c>(B, L, H)</c> and <c>rope_deltas</c>.</returns>
    public static (Tensor Hidden, long[] Deltas) Full(QwenVLNetwork network, IReadOnlyList<IReadOnlyList<int>> ids,
        IReadOnlyList<IReadOnlyList<bool>>? valid, Tensor? pixelValues, IReadOnlyList<ImageGrid> grids, KvCache? cache,
        IReadOnlyList<int>? imageRegion = null)
    {
        using var scope = NewDisposeScope();
        var config = network.Config;
        var device = network.Model.EmbedTokens.Weight.device;
        int b = ids.Count, l = ids[0].Count;
        if (ids.Any(r => r.Count != l)) throw new ArgumentException("All rows must have the same length.", nameof(ids));
        var flat = ids.SelectMany(r => r.Select(i => (long)i)).ToArray();
        var idT = tensor(flat, [b, l], device: device);
        Tensor? imageEmbeds = pixelValues is null ? null : network.EncodeImages(pixelValues.to(device), grids);
        Tensor? slots = null;
        if (imageRegion is not null)
        {
            var flags = new bool[b * l];
            for (int i = 0; i < b; i++)
                for (int k = 0; k < Math.Min(l, imageRegion[i]); k++) flags[i * l + k] = true;
            slots = tensor(flags, [b, l], device: device);
        }
        var embeds = network.Embed(idT, imageEmbeds, slots);
        var (positions, deltas) = RopeIndex.Compute(ids, valid, grids, config.Vision.SpatialMergeSize, config.ImageTokenId,
            config.VisionStartTokenId, imageRegion);
        var posFlat = positions.SelectMany(axis => axis.SelectMany(row => row)).ToArray();
        var posT = tensor(posFlat, [3, b, l], device: device);
        var keyValid = valid is null
            ? ones([b, l], @bool, device)
            : tensor(valid.SelectMany(r => r).ToArray(), [b, l], device: device);
        var mask = QwenVLNetwork.CausalMask(keyValid, 0, l);
        var hidden = network.Decode(embeds, posT, mask, cache);
        return (hidden.MoveToOuterDisposeScope(), deltas);
    }

    /// <summary>One cached decode step of one new token per row.</summary>
    /// <param name="network">The network.</param>
    /// <param name="nextIds">The new token of each of the B rows.</param>
    /// <param name="deltas">The rows' <c>rope_deltas</c> from the prefill.</param>
    /// <param name="keyValid"><c>(B, cached + 1)</c> boolean validity of every key including the new token.</param>
    /// <param name="cache">The cache (extended in place).</param>
    /// <returns>Final-norm hidden states <c>(B, 1, H)</c>.</returns>
    public static Tensor Step(QwenVLNetwork network, IReadOnlyList<long> nextIds, IReadOnlyList<long> deltas, Tensor keyValid, KvCache cache)
    {
        using var scope = NewDisposeScope();
        var device = network.Model.EmbedTokens.Weight.device;
        int b = nextIds.Count;
        long past = cache.Length;
        var idT = tensor(nextIds.ToArray(), [b, 1], device: device);
        var embeds = network.Embed(idT, null, zeros([b, 1], @bool, device)); // a generated image-pad id is an ordinary token
        var pos = new long[3 * b];
        for (int a = 0; a < 3; a++)
            for (int i = 0; i < b; i++) pos[a * b + i] = RopeIndex.DecodePositions(past, 1, deltas[i])[0];
        var posT = tensor(pos, [3, b, 1], device: device);
        var mask = QwenVLNetwork.CausalMask(keyValid, past, 1);
        return network.Decode(embeds, posT, mask, cache).MoveToOuterDisposeScope();
    }
}
