using System.Text.Json;
using System.Text.Json.Nodes;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.QwenVL.Lora;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL;

public sealed partial class QwenVLPolicy
{
    /// <summary>The adapter configuration file name (PEFT's).</summary>
    public const string AdapterConfigFile = "adapter_config.json";

    /// <summary>The adapter weights file name (PEFT's).</summary>
    public const string AdapterWeightsFile = "adapter_model.safetensors";

    private const string PeftPrefix = "base_model.model.";

    /// <summary>
    /// Attaches LoRA adapters to the decoder projections named by <see cref="QwenVLLoraOptions.TargetModules"/> and freezes
    /// every other parameter; <see cref="TrainableParameters"/> becomes the adapters. B starts at zero, so the policy is
    /// unchanged until trained.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">Adapters are already attached, or this is a reference view.</exception>
    public void EnableLora(QwenVLLoraOptions? options = null)
    {
        ThrowIfDisposed();
        if (!_useAdapters) throw new InvalidOperationException("A frozen reference view cannot carry adapters.");
        if (Lora is not null) throw new InvalidOperationException("LoRA adapters are already attached.");
        options ??= new QwenVLLoraOptions();
        options.Validate();
        foreach (var p in _network.parameters()) p.requires_grad = false;
        lock (Modeling.ModuleInit.GlobalGeneratorLock) // A is drawn from torch's global generator
            foreach (var projection in _network.DecoderProjections)
                if (options.TargetModules.Contains(projection.GetName()))
                    projection.AddAdapter(options.Rank, options.Alpha, options.Dropout);
        foreach (var (name, p) in _network.named_parameters())
            p.requires_grad = name.Contains(".lora_", StringComparison.Ordinal);
        Lora = options;
    }

    /// <summary>Saves the adapters as a PEFT-style folder: <c>adapter_config.json</c> and <c>adapter_model.safetensors</c>
    /// (keys <c>base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight</c>, …).</summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="InvalidOperationException">No adapters are attached.</exception>
    public void SaveAdapters(string directory)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var lora = Lora ?? throw new InvalidOperationException("No LoRA adapters are attached.");
        AnomSeer.IO.AtomicFolder.Write(directory, staging =>
        {
            var config = new JsonObject
            {
                ["peft_type"] = "LORA",
                ["r"] = lora.Rank,
                ["lora_alpha"] = lora.Alpha,
                ["lora_dropout"] = lora.Dropout,
                ["target_modules"] = new JsonArray([.. lora.TargetModules.Select(t => (JsonNode)t)]),
                ["bias"] = "none",
            };
            File.WriteAllText(Path.Combine(staging, AdapterConfigFile), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var state = _network.named_parameters().Where(p => p.name.Contains(".lora_", StringComparison.Ordinal))
                .ToDictionary(p => PeftPrefix + p.name, p => p.parameter.detach().cpu());
            Safetensors.SaveStateDict(Path.Combine(staging, AdapterWeightsFile), state);
            foreach (var t in state.Values) t.Dispose();
        });
    }

    /// <summary>Loads adapters saved by <see cref="SaveAdapters"/>, attaching them first when none are attached.</summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="PolicyCheckpointException">A file is missing or malformed, or a tensor is missing, unknown or of the wrong shape.</exception>
    public void LoadAdapters(string directory)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string configPath = Path.Combine(directory, AdapterConfigFile), weightsPath = Path.Combine(directory, AdapterWeightsFile);
        foreach (var p in new[] { configPath, weightsPath })
            if (!File.Exists(p)) throw new PolicyCheckpointException(p, "the file is missing from the adapter folder.");
        QwenVLLoraOptions options;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(configPath)) as JsonObject ?? throw new InvalidDataException("not a JSON object");
            options = new QwenVLLoraOptions
            {
                Rank = root["r"]!.GetValue<int>(),
                Alpha = root["lora_alpha"]!.GetValue<double>(),
                Dropout = root["lora_dropout"]?.GetValue<double>() ?? 0,
                TargetModules = (root["target_modules"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToArray() ?? QwenVLLoraOptions.AllProjections,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or NullReferenceException or FormatException)
        { throw new PolicyCheckpointException(configPath, $"the adapter configuration is malformed: {e.Message}", e); }
        if (Lora is null) EnableLora(options);
        else if (Lora.Rank != options.Rank || !Lora.TargetModules.SequenceEqual(options.TargetModules))
            throw new PolicyCheckpointException(configPath, $"the adapters (rank {options.Rank}) do not match the attached ones (rank {Lora.Rank}).");
        var expected = _network.named_parameters().Where(p => p.name.Contains(".lora_", StringComparison.Ordinal))
            .ToDictionary(p => PeftPrefix + p.name, p => p.parameter);
        var entries = SafetensorsHeader.Read(weightsPath);
        foreach (var e in entries)
        {
            if (!expected.TryGetValue(e.Name, out var p)) throw new PolicyCheckpointException(weightsPath, $"tensor '{e.Name}' is not an adapter of this model.");
            if (!p.shape.SequenceEqual(e.Shape))
                throw new PolicyCheckpointException(weightsPath, $"tensor '{e.Name}' has shape ({string.Join(", ", e.Shape)}) but the adapter needs ({string.Join(", ", p.shape)}).");
        }
        var missing = expected.Keys.Except(entries.Select(e => e.Name)).FirstOrDefault();
        if (missing is not null) throw new PolicyCheckpointException(weightsPath, $"tensor '{missing}' is missing.");
        var state = Safetensors.LoadStateDict(weightsPath);
        using (no_grad())
            foreach (var (name, t) in state)
                using (t) expected[name].copy_(t.to(expected[name].dtype, expected[name].device));
    }
}
