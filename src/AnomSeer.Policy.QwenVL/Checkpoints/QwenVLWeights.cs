using System.Text.Json;
using System.Text.Json.Nodes;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.QwenVL.Modeling;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Checkpoints;

/// <summary>
/// Loads the official safetensors checkpoint into a <see cref="QwenVLNetwork"/> (spec §7): the shards listed by
/// <c>model.safetensors.index.json</c> (or a single <c>model.safetensors</c>), both key schemes (official
/// <c>model.*</c>/<c>visual.*</c> and the newer <c>model.language_model.*</c>/<c>model.visual.*</c>), a tied or untied head.
/// Strict: every parameter must be present once with its shape; an unknown tensor, a missing one, a wrong shape, or a
/// truncated shard fails with a <see cref="PolicyCheckpointException"/> naming the file and the tensor.
/// </summary>
internal static class QwenVLWeights
{
    public const string IndexFile = "model.safetensors.index.json";
    public const string SingleFile = "model.safetensors";

    /// <summary>The official name of a checkpoint key (the newer scheme renamed back).</summary>
    public static string OfficialName(string key)
    {
        if (key.StartsWith("model.language_model.", StringComparison.Ordinal)) return "model." + key["model.language_model.".Length..];
        if (key.StartsWith("model.visual.", StringComparison.Ordinal)) return "visual." + key["model.visual.".Length..];
        if (key.StartsWith("model.lm_head.", StringComparison.Ordinal)) return key["model.".Length..];
        return key;
    }

    /// <summary>The shard files of a checkpoint folder and the tensors each should hold (null: whatever the file has).</summary>
    public static IReadOnlyList<(string Path, HashSet<string>? Keys)> Shards(string folder)
    {
        string index = Path.Combine(folder, IndexFile);
        if (File.Exists(index))
        {
            JsonObject map;
            try
            {
                map = (JsonNode.Parse(File.ReadAllText(index)) as JsonObject)?["weight_map"] as JsonObject
                    ?? throw new PolicyCheckpointException(index, "the index has no weight_map object.");
            }
            catch (JsonException e) { throw new PolicyCheckpointException(index, $"the index is not valid JSON: {e.Message}", e); }
            return map.GroupBy(kv => kv.Value!.GetValue<string>())
                .Select(g => (Path.Combine(folder, g.Key), (HashSet<string>?)g.Select(kv => kv.Key).ToHashSet()))
                .ToArray();
        }
        string single = Path.Combine(folder, SingleFile);
        if (File.Exists(single)) return [(single, null)];
        throw new PolicyCheckpointException(folder, $"the folder has neither {IndexFile} nor {SingleFile}.");
    }

    /// <summary>Loads every parameter of <paramref name="network"/> (adapters excepted) from the folder's shards.</summary>
    public static void Load(QwenVLNetwork network, string folder, CancellationToken cancellationToken)
    {
        var expected = network.named_parameters().Where(p => !p.name.Contains(".lora_", StringComparison.Ordinal))
            .ToDictionary(p => p.name, p => p.parameter);
        bool tied = network.Config.Text.TieWordEmbeddings;
        var loaded = new HashSet<string>();
        foreach (var (path, keys) in Shards(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(path))
                throw new PolicyCheckpointException(path, $"the shard is missing; it should hold {keys?.Count ?? 0} tensors, e.g. '{keys?.FirstOrDefault()}'.");
            var entries = SafetensorsHeader.Read(path);
            var names = entries.Select(e => e.Name).ToHashSet();
            if (keys is not null)
                foreach (var k in keys)
                    if (!names.Contains(k)) throw new PolicyCheckpointException(path, $"tensor '{k}' is listed in the index but not in the shard.");
            foreach (var e in entries)
            {
                string name = OfficialName(e.Name);
                if (name.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal)) continue;
                if (name == "lm_head.weight" && tied) continue; // tied: the embedding is the head (HF ties it anyway)
                if (!expected.TryGetValue(name, out var p))
                    throw new PolicyCheckpointException(path, $"tensor '{e.Name}' is not a parameter of this configuration.");
                if (!p.shape.SequenceEqual(e.Shape))
                    throw new PolicyCheckpointException(path, $"tensor '{e.Name}' has shape ({string.Join(", ", e.Shape)}) but the configuration needs ({string.Join(", ", p.shape)}).");
                if (!loaded.Add(name))
                    throw new PolicyCheckpointException(path, $"tensor '{name}' appears twice in the checkpoint.");
            }
            var wanted = entries.Select(e => e.Name).Where(n => expected.ContainsKey(OfficialName(n)) && !(tied && OfficialName(n) == "lm_head.weight")).ToList();
            Dictionary<string, Tensor> state;
            try { state = Safetensors.LoadStateDict(path, wanted); }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or NotImplementedException or JsonException)
            { throw new PolicyCheckpointException(path, $"the shard could not be read: {ex.Message}", ex); }
            using (no_grad())
                foreach (var (key, tensor) in state)
                {
                    using (tensor)
                    {
                        var p = expected[OfficialName(key)];
                        p.copy_(tensor.to(p.dtype, p.device));
                    }
                }
        }
        var missing = expected.Keys.Where(k => !loaded.Contains(k)).ToArray();
        if (missing.Length > 0)
            throw new PolicyCheckpointException(folder, $"tensor '{missing[0]}' is missing from the checkpoint ({missing.Length} missing in all).");
    }
}
