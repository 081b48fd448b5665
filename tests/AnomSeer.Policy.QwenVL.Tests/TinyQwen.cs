using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Modeling;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The spec's Tiny-VL configuration (§9.1) and seeded random networks over it.</summary>
internal static class TinyQwen
{
    public const int VisionStart = 120, VisionEnd = 121, VisionPad = 122, Image = 123, Video = 124, Eos = 125, Pad = 126;

    public static QwenVLConfig Config(bool tied = true, IReadOnlyList<int>? fullAtt = null) => new()
    {
        Text = new QwenVLTextConfig
        {
            VocabSize = 128, HiddenSize = 64, IntermediateSize = 96, NumHiddenLayers = 2, NumAttentionHeads = 4,
            NumKeyValueHeads = 2, RopeTheta = 10000, MropeSection = [2, 3, 3], TieWordEmbeddings = tied,
        },
        Vision = new QwenVLVisionConfig
        {
            Depth = 4, HiddenSize = 32, IntermediateSize = 48, NumHeads = 2, PatchSize = 2, TemporalPatchSize = 2,
            SpatialMergeSize = 2, WindowSize = 8, FullAttBlockIndexes = fullAtt ?? [1, 3], OutHiddenSize = 64,
        },
        VisionStartTokenId = VisionStart, VisionEndTokenId = VisionEnd, ImageTokenId = Image, VideoTokenId = Video,
        BosTokenId = Pad, EosTokenId = Eos,
    };

    /// <summary>A float32 CPU network with seeded random weights (the global generator is restored afterwards).</summary>
    public static QwenVLNetwork Network(int seed = 0, QwenVLConfig? config = null)
    {
        lock (ModuleInit.GlobalGeneratorLock)
        {
            using var saved = torch.random.get_rng_state();
            torch.random.manual_seed(seed);
            var net = new QwenVLNetwork(config ?? Config(), float32, CPU);
            // Give the norms and biases random values too, so that no parameter is trivially at its initial value.
            using (no_grad())
                foreach (var (name, p) in net.named_parameters())
                    if (name.EndsWith(".bias") || name.Contains("norm") || name.Contains("ln_q")) p.add_(randn_like(p) * 0.1);
            torch.random.set_rng_state(saved);
            net.eval();
            return net;
        }
    }

    /// <summary>Seeded random patch rows <c>(T·H·W, 24)</c> for a grid.</summary>
    public static Tensor Pixels(ImageGrid grid, int seed)
    {
        var g = new Generator((ulong)seed);
        return randn([grid.Patches, 24], generator: g);
    }

    /// <summary>Text ids, then an image block with the grid's tokens, then text ids.</summary>
    public static int[] Prompt(ImageGrid grid, int before = 5, int after = 4)
    {
        var ids = new List<int>();
        for (int i = 0; i < before; i++) ids.Add(10 + i);
        ids.Add(VisionStart);
        ids.AddRange(Enumerable.Repeat(Image, grid.Tokens(2)));
        ids.Add(VisionEnd);
        for (int i = 0; i < after; i++) ids.Add(40 + i);
        return [.. ids];
    }
}
