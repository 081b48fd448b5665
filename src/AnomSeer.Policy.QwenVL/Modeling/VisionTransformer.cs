using AnomSeer.Policy.QwenVL.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// <c>visual</c>: patch embedding, 2-D rotary positions, window reordering, the blocks (windowed or full attention),
/// the merger, and the inverse reordering (spec §4).
/// </summary>
internal sealed class VisionTransformer : nn.Module
{
    private readonly VisionPatchEmbed patch_embed;
    private readonly ModuleList<VisionBlock> blocks;
    private readonly PatchMerger merger;
    private readonly QwenVLVisionConfig _config;
    private readonly HashSet<int> _full;

    public VisionTransformer(string name, QwenVLVisionConfig config, ScalarType dtype, Device device) : base(name)
    {
        _config = config;
        _full = [.. config.FullAttBlockIndexes];
        patch_embed = new VisionPatchEmbed("patch_embed", config, dtype, device);
        blocks = new ModuleList<VisionBlock>(Enumerable.Range(0, config.Depth).Select(i => new VisionBlock(i.ToString(), config, dtype, device)).ToArray());
        merger = new PatchMerger("merger", config, dtype, device);
        RegisterComponents();
    }

    /// <summary>
    /// The rotary angles of every patch, <c>(N, head_dim / 2)</c> float32: <c>concat(h·inv_freq, w·inv_freq)</c> with
    /// <c>inv_freq_j = 1 / 10000^(2j / (head_dim / 2))</c> (spec §4.2), in patch-row order.
    /// </summary>
    public Tensor RotaryAngles(IReadOnlyList<ImageGrid> grids)
    {
        using var scope = NewDisposeScope();
        int dim = _config.HeadDim / 2;
        var invFreq = 1.0 / pow(10000.0, arange(0, dim, 2, dtype: float32) / dim);
        var (rows, cols) = VisionPositions.Of(grids, _config.SpatialMergeSize);
        var h = tensor(rows.Select(r => (float)r).ToArray()).unsqueeze(1) * invFreq.unsqueeze(0);
        var w = tensor(cols.Select(c => (float)c).ToArray()).unsqueeze(1) * invFreq.unsqueeze(0);
        return cat([h, w], 1).MoveToOuterDisposeScope();
    }

    /// <summary>Encodes the patch rows of the images into merged tokens in raster order, images concatenated.</summary>
    /// <param name="pixelValues"><c>(N, C·T·P·P)</c>.</param>
    /// <param name="grids">The grid of each image, in order; Σ T·H·W = N.</param>
    /// <returns><c>(N / merge², out_hidden)</c>.</returns>
    public Tensor Forward(Tensor pixelValues, IReadOnlyList<ImageGrid> grids)
    {
        using var scope = NewDisposeScope();
        int unit = _config.SpatialMergeSize * _config.SpatialMergeSize;
        long n = pixelValues.shape[0];
        if (n != grids.Sum(g => (long)g.Patches))
            throw new ArgumentException($"pixel_values has {n} rows but the grids hold {grids.Sum(g => (long)g.Patches)} patches.", nameof(pixelValues));
        var partition = WindowPartition.Compute(grids, _config.SpatialMergeSize, _config.WindowTokens);
        var device = pixelValues.device;
        var order = tensor(partition.WindowIndex.Select(i => (long)i).ToArray(), device: device);
        var h = patch_embed.forward(pixelValues);
        long d = h.shape[1];
        h = h.view(n / unit, unit, d).index_select(0, order).view(n, d);
        var angles = RotaryAngles(grids).to(device);
        angles = angles.view(n / unit, unit, -1).index_select(0, order).view(n, -1);
        var emb = cat([angles, angles], -1);
        var cos = emb.cos();
        var sin = emb.sin();
        for (int i = 0; i < blocks.Count; i++)
            h = blocks[i].Forward(h, cos, sin, _full.Contains(i) ? partition.CuSeqlens : partition.CuWindowSeqlens);
        var merged = merger.forward(h);
        var reverse = tensor(partition.ReverseIndex().Select(i => (long)i).ToArray(), device: device);
        return merged.index_select(0, reverse).MoveToOuterDisposeScope();
    }
}
