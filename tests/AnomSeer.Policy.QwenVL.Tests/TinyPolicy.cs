using System.Text.Json;
using System.Text.Json.Nodes;
using AnomSeer.Policy.QwenVL.Configuration;
using AnomSeer.Policy.QwenVL.Processing;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>A tiny random Qwen2.5-VL policy over the tiny tokenizer of <see cref="TokenizerTests"/>, and checkpoint folders of it.</summary>
internal static class TinyPolicy
{
    public static QwenVLConfig Config(bool tied = true)
    {
        var c = TinyQwen.Config(tied);
        return c with
        {
            Text = c.Text with { VocabSize = 320 },
            BosTokenId = 300, EosTokenId = 302, VisionStartTokenId = 303, VisionEndTokenId = 304, ImageTokenId = 306, VideoTokenId = 307,
        };
    }

    public static QwenImageProcessorOptions Processor => new()
    {
        PatchSize = 2, MergeSize = 2, TemporalPatchSize = 2, MinPixels = 16, MaxPixels = 240, PaperPreScale = false,
    };

    public static QwenVLPolicy Create(int seed = 1, bool tied = true) =>
        QwenVLPolicy.CreateRandom(Config(tied), TokenizerTests.Tiny(), Processor, seed);

    public static PolicyInput Input(int seed, string? prompt = null)
    {
        var rng = new Random(seed);
        var pixels = new float[3 * 12 * 20];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = rng.Next(256) / 255f;
        var image = new PlotImage(pixels, 3, 12, 20, 32, 0, 32 / 20.0);
        return new PolicyInput(image, null, prompt ?? $"Series {seed}. Find anomalies.");
    }

    /// <summary>Writes a checkpoint folder of <paramref name="policy"/>: config (flat or nested), generation and
    /// preprocessor configs, tokenizer.json, and the weights as two shards with an index (official or newer key names).</summary>
    public static void Write(QwenVLPolicy policy, string dir, bool nested = false, bool newNames = false, bool tied = true)
    {
        Directory.CreateDirectory(dir);
        var c = policy.Config;
        var text = new JsonObject
        {
            ["vocab_size"] = c.Text.VocabSize, ["hidden_size"] = c.Text.HiddenSize, ["intermediate_size"] = c.Text.IntermediateSize,
            ["num_hidden_layers"] = c.Text.NumHiddenLayers, ["num_attention_heads"] = c.Text.NumAttentionHeads,
            ["num_key_value_heads"] = c.Text.NumKeyValueHeads, ["rms_norm_eps"] = c.Text.RmsNormEps, ["rope_theta"] = c.Text.RopeTheta,
            [nested ? "rope_parameters" : "rope_scaling"] = new JsonObject
            {
                [nested ? "rope_type" : "type"] = nested ? "default" : "mrope",
                ["mrope_section"] = new JsonArray(c.Text.MropeSection.Select(s => (JsonNode)s).ToArray()),
            },
        };
        var vision = new JsonObject
        {
            ["depth"] = c.Vision.Depth, ["hidden_size"] = c.Vision.HiddenSize, ["intermediate_size"] = c.Vision.IntermediateSize,
            ["num_heads"] = c.Vision.NumHeads, [nested ? "in_channels" : "in_chans"] = 3, ["patch_size"] = c.Vision.PatchSize,
            ["spatial_patch_size"] = c.Vision.PatchSize, ["temporal_patch_size"] = 2, ["spatial_merge_size"] = 2,
            ["window_size"] = c.Vision.WindowSize, ["out_hidden_size"] = c.Vision.OutHiddenSize,
            ["fullatt_block_indexes"] = new JsonArray(c.Vision.FullAttBlockIndexes.Select(s => (JsonNode)s).ToArray()),
            ["tokens_per_second"] = 2, ["hidden_act"] = "silu",
        };
        var root = new JsonObject
        {
            ["architectures"] = new JsonArray("Qwen2_5_VLForConditionalGeneration"), ["model_type"] = "qwen2_5_vl",
            ["tie_word_embeddings"] = tied, ["vision_config"] = vision,
            ["vision_start_token_id"] = c.VisionStartTokenId, ["vision_end_token_id"] = c.VisionEndTokenId,
            ["image_token_id"] = c.ImageTokenId, ["video_token_id"] = c.VideoTokenId, ["bos_token_id"] = 300, ["eos_token_id"] = 302,
        };
        if (nested) root["text_config"] = text;
        else foreach (var (k, v) in text.ToArray()) { text.Remove(k); root[k] = v; }
        File.WriteAllText(Path.Combine(dir, "config.json"), root.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "generation_config.json"), """{"eos_token_id": [302, 300], "pad_token_id": 300, "do_sample": true, "temperature": 0.1, "top_k": 1, "top_p": 0.001, "repetition_penalty": 1.05}""");
        File.WriteAllText(Path.Combine(dir, "preprocessor_config.json"), """{"min_pixels": 16, "max_pixels": 240, "patch_size": 2, "temporal_patch_size": 2, "merge_size": 2, "image_mean": [0.48145466, 0.4578275, 0.40821073], "image_std": [0.26862954, 0.26130258, 0.27577711]}""");
        WriteTokenizerJson(Path.Combine(dir, "tokenizer.json"));
        var all = policy.NamedParameters.Where(p => !p.Name.Contains(".lora_")).ToArray();
        string Key(string name) => !newNames ? name
            : name.StartsWith("model.") ? "model.language_model." + name["model.".Length..]
            : name.StartsWith("visual.") ? "model." + name : name;
        var map = new JsonObject();
        for (int shard = 0; shard < 2; shard++)
        {
            string file = $"model-0000{shard + 1}-of-00002.safetensors";
            var part = all.Where((_, i) => i % 2 == shard).ToDictionary(p => Key(p.Name), p => p.Parameter.detach().clone());
            Safetensors.SaveStateDict(Path.Combine(dir, file), part);
            foreach (var k in part.Keys) map[k] = file;
            foreach (var t in part.Values) t.Dispose();
        }
        File.WriteAllText(Path.Combine(dir, "model.safetensors.index.json"), new JsonObject { ["metadata"] = new JsonObject { ["total_size"] = 0 }, ["weight_map"] = map }.ToJsonString());
    }

    public static void WriteTokenizerJson(string path)
    {
        var (vocab, merges, added) = TokenizerTests.Files();
        var json = new JsonObject
        {
            ["model"] = new JsonObject { ["type"] = "BPE", ["vocab"] = JsonSerializer.SerializeToNode(vocab), ["merges"] = JsonSerializer.SerializeToNode(merges) },
            ["added_tokens"] = new JsonArray(added.Select(a => (JsonNode)new JsonObject { ["id"] = a.Value.Item1, ["content"] = a.Key, ["special"] = a.Value.Item2 }).ToArray()),
        };
        File.WriteAllText(path, json.ToJsonString());
    }

    /// <summary>Teacher-forced log-probabilities of one response (no cache).</summary>
    public static float[] Score(QwenVLPolicy policy, PolicyInput input, IReadOnlyList<int> response)
    {
        using var scores = policy.ScoreResponses([new ResponseItem(input, response)]);
        return scores.LogProbsOf(0);
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("qwen-vl-test").FullName;
}
