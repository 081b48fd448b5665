using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Modeling;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The spec's model invariants (§9.3) on the Tiny-VL configuration with random float32 weights.</summary>
public class ModelInvariantTests
{
    private static void Close(double expected, double actual, double tolerance = 1e-5) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected}, got {actual}");

    private static float MaxAbsDiff(Tensor a, Tensor b) => (a - b).abs().max().item<float>();

    [Fact]
    public void CachedDecoding_GivesTheLogitsOfOneFullForward_WithAnImageInThePrompt()
    {
        using var net = TinyQwen.Network(1);
        var grid = new ImageGrid(1, 6, 10);
        using var pixels = TinyQwen.Pixels(grid, 5);
        var prompt = TinyQwen.Prompt(grid);
        int[] next = [17, 99, 3, 64];
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (full, _) = QwenVLForward.Full(net, [prompt.Concat(next).ToArray()], null, pixels, [grid], null);
        var fullLogits = net.Logits(full)[0];
        using var cache = new KvCache(2, 8);
        var (pre, deltas) = QwenVLForward.Full(net, [prompt], null, pixels, [grid], cache);
        Assert.True(MaxAbsDiff(net.Logits(pre)[0], fullLogits[..prompt.Length]) <= 1e-4f);
        for (int k = 0; k < next.Length; k++)
        {
            var valid = ones([1, prompt.Length + k + 1], @bool);
            var h = QwenVLForward.Step(net, [next[k]], deltas, valid, cache);
            var diff = MaxAbsDiff(net.Logits(h)[0, 0], fullLogits[prompt.Length + k]);
            Assert.True(diff <= 1e-4f, $"step {k}: max |Δlogit| = {diff}");
        }
        Assert.Equal(prompt.Length + next.Length, cache.Length);
    }

    [Fact]
    public void GreedyGeneration_WithAndWithoutCache_GivesIdenticalIds()
    {
        using var net = TinyQwen.Network(2);
        var grid = new ImageGrid(1, 4, 6);
        using var pixels = TinyQwen.Pixels(grid, 6);
        var prompt = TinyQwen.Prompt(grid, 3, 2);
        using var noGrad = no_grad();
        var uncached = new List<int>();
        for (int t = 0; t < 6; t++)
        {
            using var scope = NewDisposeScope();
            var (h, _) = QwenVLForward.Full(net, [prompt.Concat(uncached).ToArray()], null, pixels, [grid], null);
            uncached.Add((int)net.Logits(h)[0, -1].argmax().item<long>());
        }
        var cached = new List<int>();
        using (var cache = new KvCache(2, 4))
        using (var scope = NewDisposeScope())
        {
            var (h, deltas) = QwenVLForward.Full(net, [prompt], null, pixels, [grid], cache);
            cached.Add((int)net.Logits(h)[0, -1].argmax().item<long>());
            while (cached.Count < 6)
            {
                var step = QwenVLForward.Step(net, [cached[^1]], deltas, ones([1, prompt.Length + cached.Count], @bool), cache);
                cached.Add((int)net.Logits(step)[0, 0].argmax().item<long>());
            }
        }
        Assert.Equal(uncached, cached);
    }

    [Fact]
    public void WindowAttention_EqualsFullAttention_WhenOneWindowCoversTheImage()
    {
        using var windowed = TinyQwen.Network(3);
        using var full = TinyQwen.Network(3, TinyQwen.Config(fullAtt: [0, 1, 2, 3]));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var small = new ImageGrid(1, 4, 4); // 2×2 merged tokens ≤ ws = 2: one window, identity order
        Assert.Equal([0, 1, 2, 3], WindowPartition.Compute([small], 2, 2).WindowIndex);
        var pixels = TinyQwen.Pixels(small, 9);
        Assert.True(MaxAbsDiff(windowed.EncodeImages(pixels, [small]), full.EncodeImages(pixels, [small])) <= 1e-5f);
        // Control: an image spanning several windows gives different features, so the comparison above can fail.
        var large = new ImageGrid(1, 6, 10);
        var many = TinyQwen.Pixels(large, 9);
        Assert.True(MaxAbsDiff(windowed.EncodeImages(many, [large]), full.EncodeImages(many, [large])) > 1e-3f);
    }

    [Fact]
    public void FullAttentionEverywhere_IsInvariantToTheWindowReordering()
    {
        // With every block full, window reordering must not matter: compare one image against the same image with the
        // window size set so that one window covers it (identity order).
        using var a = TinyQwen.Network(4, TinyQwen.Config(fullAtt: [0, 1, 2, 3]));
        var wide = TinyQwen.Config(fullAtt: [0, 1, 2, 3]);
        wide = wide with { Vision = wide.Vision with { WindowSize = 64 } };
        using var b = TinyQwen.Network(4, wide);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var grid = new ImageGrid(1, 6, 10);
        Assert.NotEqual(Enumerable.Range(0, 15), WindowPartition.Compute([grid], 2, 2).WindowIndex);
        var pixels = TinyQwen.Pixels(grid, 11);
        Assert.True(MaxAbsDiff(a.EncodeImages(pixels, [grid]), b.EncodeImages(pixels, [grid])) <= 1e-5f);
    }

    [Fact]
    public void MRope_ForTextOnlyPositions_IsPlain1DRope()
    {
        var config = TinyQwen.Config().Text;
        using var scope = NewDisposeScope();
        var pos = arange(7, dtype: int64).unsqueeze(0);
        var (cos, sin) = MultimodalRotary.CosSin(stack([pos, pos, pos]), config, float32);
        int d = config.HeadDim;
        for (int p = 0; p < 7; p++)
            for (int i = 0; i < d; i++)
            {
                double invFreq = 1.0 / Math.Pow(10000, 2.0 * (i % (d / 2)) / d);
                Close(Math.Cos(p * invFreq), cos[0, p, i].item<float>());
                Close(Math.Sin(p * invFreq), sin[0, p, i].item<float>());
            }
    }

    [Fact]
    public void MRope_SectionMixing_RealConfig_TakesTHWByDimension()
    {
        var config = QwenVLConfig.Qwen25VL3B.Text;
        using var scope = NewDisposeScope();
        // Distinct positions per axis: T = 1, H = 2, W = 3; the angle / inv_freq ratio reveals the axis of each dimension.
        var positions = tensor(new long[] { 1, 2, 3 }, [3, 1, 1]);
        var (cos, _) = MultimodalRotary.CosSin(positions, config, float64);
        for (int d = 0; d < 128; d++)
        {
            int i = d % 64;
            double invFreq = 1.0 / Math.Pow(1_000_000.0, 2.0 * i / 128);
            int expectedAxisPosition = i < 16 ? 1 : i < 40 ? 2 : 3;
            Close(Math.Cos(expectedAxisPosition * invFreq), cos[0, 0, d].item<double>());
        }
    }

    [Fact]
    public void PatchEmbed_AsMatrixProduct_EqualsConv3d()
    {
        using var net = TinyQwen.Network(5);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = TinyQwen.Pixels(new ImageGrid(1, 2, 2), 3);
        var weight = net.named_parameters().First(p => p.name == "visual.patch_embed.proj.weight").parameter;
        var conv = nn.functional.conv3d(rows.view(4, 3, 2, 2, 2), weight, strides: [2, 2, 2]).view(4, 32);
        var viaMatmul = matmul(rows, weight.view(32, -1).t());
        Assert.True(MaxAbsDiff(conv, viaMatmul) <= 1e-5f);
    }

    [Fact]
    public void ImagePlaceholderCount_MustMatchTheFeatures()
    {
        using var net = TinyQwen.Network(6);
        var grid = new ImageGrid(1, 4, 6);
        using var pixels = TinyQwen.Pixels(grid, 1);
        var prompt = TinyQwen.Prompt(grid).Where((_, i) => i != 7).ToArray(); // one <|image_pad|> fewer
        using var noGrad = no_grad();
        var e = Assert.Throws<ArgumentException>(() => QwenVLForward.Full(net, [prompt], null, pixels, [grid], null));
        Assert.Contains("5 <|image_pad|> tokens, 6 image features", e.Message);
    }

    [Fact]
    public void TiedHead_SharesTheEmbedding_UntiedHeadHasItsOwnWeight()
    {
        using var tied = TinyQwen.Network(7);
        using var untied = TinyQwen.Network(7, TinyQwen.Config(tied: false));
        Assert.DoesNotContain(tied.named_parameters(), p => p.name == "lm_head.weight");
        Assert.Contains(untied.named_parameters(), p => p.name == "lm_head.weight");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var h = randn([1, 2, 64]);
        var embedding = tied.named_parameters().First(p => p.name == "model.embed_tokens.weight").parameter;
        Assert.True(MaxAbsDiff(tied.Logits(h), matmul(h, embedding.t())) <= 1e-5f);
    }

    [Fact]
    public void BFloat16_AgreesWithFloat32_ToAboutTwoPercent()
    {
        using var f32 = TinyQwen.Network(13);
        using var bf16 = ModuleInit.WithoutInit(() => new QwenVLNetwork(TinyQwen.Config(), bfloat16, CPU));
        using var noGrad = no_grad();
        var source = f32.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in bf16.named_parameters()) p.copy_(source[name].to(bfloat16));
        using var scope = NewDisposeScope();
        var grid = new ImageGrid(1, 6, 10);
        var pixels = TinyQwen.Pixels(grid, 2);
        var prompt = TinyQwen.Prompt(grid);
        var (h32, _) = QwenVLForward.Full(f32, [prompt], null, pixels, [grid], null);
        var (h16, _) = QwenVLForward.Full(bf16, [prompt], null, pixels, [grid], null);
        var l32 = f32.Logits(h32);
        var l16 = bf16.Logits(h16).to(float32);
        double relative = (l32 - l16).abs().max().item<float>() / l32.abs().max().item<float>();
        Assert.True(relative <= 2e-2, $"max |Δlogit| / max |logit| = {relative}");
        Assert.True(relative > 0, "the bfloat16 path must actually run in bfloat16");
    }

    [Fact]
    public void LeftPaddedBatch_OfTwoPromptsWithDifferentImages_GivesTheLastTokenLogitsOfEachAlone()
    {
        using var net = TinyQwen.Network(14);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var g1 = new ImageGrid(1, 6, 10);
        var g2 = new ImageGrid(1, 4, 6);
        var p1 = TinyQwen.Prompt(g1, 2, 1);
        var p2 = TinyQwen.Prompt(g2, 6, 5);
        var x1 = TinyQwen.Pixels(g1, 21);
        var x2 = TinyQwen.Pixels(g2, 22);
        int length = Math.Max(p1.Length, p2.Length);
        int[] Pad(int[] p) => [.. Enumerable.Repeat(TinyQwen.Pad, length - p.Length), .. p];
        bool[] Valid(int[] p) => [.. Enumerable.Repeat(false, length - p.Length), .. Enumerable.Repeat(true, p.Length)];
        var (batch, _) = QwenVLForward.Full(net, [Pad(p1), Pad(p2)], [Valid(p1), Valid(p2)], cat([x1, x2], 0), [g1, g2], null);
        var (alone1, _) = QwenVLForward.Full(net, [p1], null, x1, [g1], null);
        var (alone2, _) = QwenVLForward.Full(net, [p2], null, x2, [g2], null);
        Assert.True(MaxAbsDiff(net.Logits(batch[0, -1]), net.Logits(alone1[0, -1])) <= 1e-4f);
        Assert.True(MaxAbsDiff(net.Logits(batch[1, -1]), net.Logits(alone2[0, -1])) <= 1e-4f);
    }
}
