using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.QwenVL.Configuration;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>FromPretrained on tiny checkpoint folders written in the official layouts.</summary>
public class CheckpointTests
{
    private static readonly QwenVLPolicyOptions Tiny = new() { ImageProcessor = TinyPolicy.Processor };

    private static void WithFolder(Action<string> body)
    {
        string dir = TinyPolicy.TempDir();
        try { body(dir); }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, true, false)]
    public void FromPretrained_ReloadsTheSameModel(bool nested, bool newNames, bool tied) => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create(8, tied);
        TinyPolicy.Write(original, dir, nested, newNames, tied);
        using var loaded = QwenVLPolicy.FromPretrained(dir, ScalarType.Float32, options: Tiny);
        Assert.Equal(tied, loaded.Config.Text.TieWordEmbeddings);
        Assert.Equal([302, 300], loaded.Generation.EosTokenIds);
        Assert.Equal(0.1, loaded.Generation.Temperature);
        var input = TinyPolicy.Input(5);
        var response = original.EncodeResponse(input, "Hello world 42");
        Assert.Equal(TinyPolicy.Score(original, input, response), TinyPolicy.Score(loaded, input, response));
    });

    [Fact]
    public void PolicyLoader_LoadsTheFolderAsAnIPolicyModel() => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create(12);
        TinyPolicy.Write(original, dir);
        using var loaded = new QwenVLPolicyLoader(ScalarType.Float32, options: Tiny).Load(dir);
        Assert.Equal(64, loaded.HiddenSize);
        Assert.Equal(InputModality.Image, loaded.Modality);
        var input = TinyPolicy.Input(2);
        var response = original.EncodeResponse(input, "42");
        using var a = original.ScoreResponses([new ResponseItem(input, response)]);
        using var b = loaded.ScoreResponses([new ResponseItem(input, response)]);
        Assert.Equal(a.LogProbsOf(0), b.LogProbsOf(0));
    });

    [Fact]
    public void FromPretrained_MissingTensor_IsNamed() => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create();
        TinyPolicy.Write(original, dir);
        // Drop one tensor from the index and its shard by rewriting shard 1 without it.
        string shard = Path.Combine(dir, "model-00001-of-00002.safetensors");
        var state = TorchSharp.PyBridge.Safetensors.LoadStateDict(shard);
        string victim = state.Keys.First(k => k.StartsWith("model.layers.1."));
        state.Remove(victim);
        File.Delete(shard); // PyBridge opens the file for writing without truncating it
        TorchSharp.PyBridge.Safetensors.SaveStateDict(shard, state);
        string index = Path.Combine(dir, "model.safetensors.index.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(index))!;
        json["weight_map"]!.AsObject().Remove(victim);
        File.WriteAllText(index, json.ToJsonString());
        var e = Assert.Throws<PolicyCheckpointException>(() => QwenVLPolicy.FromPretrained(dir, ScalarType.Float32, options: Tiny));
        Assert.True(e.Message.Contains($"'{victim}' is missing"), e.Message);
    });

    [Fact]
    public void FromPretrained_WrongShape_IsNamed() => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create();
        TinyPolicy.Write(original, dir);
        var config = File.ReadAllText(Path.Combine(dir, "config.json")).Replace("\"intermediate_size\":96", "\"intermediate_size\":80");
        File.WriteAllText(Path.Combine(dir, "config.json"), config);
        var e = Assert.Throws<PolicyCheckpointException>(() => QwenVLPolicy.FromPretrained(dir, ScalarType.Float32, options: Tiny));
        Assert.Matches(@"tensor 'model\.layers\.\d\.mlp\.(gate|up|down)_proj\.weight' has shape", e.Message);
    });

    [Fact]
    public void FromPretrained_TruncatedShard_IsRefused() => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create();
        TinyPolicy.Write(original, dir);
        string shard = Path.Combine(dir, "model-00002-of-00002.safetensors");
        var bytes = File.ReadAllBytes(shard);
        File.WriteAllBytes(shard, bytes[..(bytes.Length - 100)]);
        var e = Assert.Throws<PolicyCheckpointException>(() => QwenVLPolicy.FromPretrained(dir, ScalarType.Float32, options: Tiny));
        Assert.Contains("model-00002-of-00002.safetensors", e.Message);
        Assert.Contains("truncated", e.Message);
    });

    [Fact]
    public void ConfigReader_FlatAndNestedLayouts_GiveTheSameConfig() => WithFolder(dir =>
    {
        using var original = TinyPolicy.Create();
        TinyPolicy.Write(original, dir, nested: false);
        var flat = QwenVLConfigReader.Load(Path.Combine(dir, "config.json"));
        TinyPolicy.Write(original, dir, nested: true);
        var nested = QwenVLConfigReader.Load(Path.Combine(dir, "config.json"));
        Assert.Equal(flat.Text with { MropeSection = [] }, nested.Text with { MropeSection = [] });
        Assert.Equal([2, 3, 3], nested.Text.MropeSection);
        Assert.Equal(flat.Vision with { FullAttBlockIndexes = [] }, nested.Vision with { FullAttBlockIndexes = [] });
        Assert.Equal(306, nested.ImageTokenId);
        var pre = File.ReadAllText(Path.Combine(dir, "preprocessor_config.json"));
        var fromFile = Processing.QwenImageProcessorOptions.FromPreprocessorConfig(pre);
        Assert.Equal(2, fromFile.PatchSize);
        Assert.Equal(1_003_520, fromFile.MaxPixels); // the library's lower default, not the file's bound
        Assert.Equal(240, Processing.QwenImageProcessorOptions.FromPreprocessorConfig(pre, useFilePixelBounds: true).MaxPixels);
        var bad = Assert.Throws<InvalidDataException>(() => QwenVLConfigReader.Parse("""{"vision_config": {}}"""));
        Assert.Contains("mrope_section", bad.Message);
    });
}
