using AnomSeer.Policy.QwenVL.Checkpoints;
using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Modeling;
using TorchSharp.PyBridge;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>
/// Comparison with Hugging Face transformers on the Tiny-VL configuration, from the files that
/// <c>tools/qwen_reference/generate.py</c> writes into <c>Reference/</c>. Without those files the test says so and passes.
/// </summary>
public class ReferenceTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Reference");

    [Fact]
    public void PythonReference_WhenPresent_MatchesImageEmbedsPositionsHiddenStatesLogitsAndGreedyIds()
    {
        string referencePath = Path.Combine(Folder, "reference.safetensors");
        if (!File.Exists(referencePath))
        {
            output.WriteLine($"ABSENT: {referencePath} does not exist; nothing compared. Run tools/qwen_reference/generate.py " +
                             "on a machine with Python, PyTorch and transformers, and commit the Reference folder.");
            return;
        }
        var config = QwenVLConfigReader.Load(Path.Combine(Folder, "config.json"));
        using var network = ModuleInit.WithoutInit(() => new QwenVLNetwork(config, float32, CPU));
        QwenVLWeights.Load(network, Folder, CancellationToken.None);
        network.eval();
        var r = Safetensors.LoadStateDict(referencePath);
        try
        {
            using var noGrad = no_grad();
            var ids = r["input_ids"][0].data<long>().Select(i => (int)i).ToArray();
            var g = r["image_grid_thw"][0].data<long>().ToArray();
            var grid = new ImageGrid((int)g[0], (int)g[1], (int)g[2]);
            var pixels = r["pixel_values"];
            using var scope = NewDisposeScope();
            var image = network.EncodeImages(pixels, [grid]);
            AssertClose(r["image_embeds"], image, 1e-4, "image embeds");
            var (positions, deltas) = RopeIndex.Compute([ids], null, [grid], config.Vision.SpatialMergeSize, config.ImageTokenId, config.VisionStartTokenId);
            var expectedPositions = r["position_ids"];
            for (int a = 0; a < 3; a++) Assert.Equal(expectedPositions[a, 0].data<long>().ToArray(), positions[a][0]);
            Assert.Equal(r["rope_deltas"].data<long>().ToArray(), deltas);
            var (hidden, _) = QwenVLForward.Full(network, [ids], null, pixels, [grid], null);
            AssertClose(r["last_hidden_state"], hidden, 1e-4, "last hidden state");
            AssertClose(r["logits"], network.Logits(hidden), 1e-4, "logits");
            var greedy = new List<long>();
            using var cache = new KvCache(config.Text.NumHiddenLayers, ids.Length + 8);
            var (pre, d) = QwenVLForward.Full(network, [ids], null, pixels, [grid], cache);
            greedy.Add(network.Logits(pre)[0, -1].argmax().item<long>());
            while (greedy.Count < r["greedy_ids"].shape[1])
            {
                var h = QwenVLForward.Step(network, [greedy[^1]], d, ones([1, ids.Length + greedy.Count], @bool), cache);
                greedy.Add(network.Logits(h)[0, 0].argmax().item<long>());
            }
            Assert.Equal(r["greedy_ids"][0].data<long>().ToArray(), greedy);
            output.WriteLine("Compared against " + File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        }
        finally
        {
            foreach (var t in r.Values) t.Dispose();
        }
    }

    private static void AssertClose(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double diff = (expected - actual).abs().max().item<float>();
        Assert.True(diff <= tolerance, $"{what}: max |Δ| = {diff} > {tolerance}");
    }
}
