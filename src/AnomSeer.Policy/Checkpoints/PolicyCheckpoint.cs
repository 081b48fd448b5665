using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using TorchSharp;
using TorchSharp.PyBridge;

namespace AnomSeer.Policy.Checkpoints;

/// <summary>
/// Checkpoint folders of AnomSeer-Tiny: <c>config.json</c>, <c>model.safetensors</c> (TorchSharp.PyBridge),
/// <c>tokenizer.json</c> and an optional <c>training-card.md</c>. Writes are atomic (a staging folder swapped in);
/// loading validates every file and fails with a <see cref="PolicyCheckpointException"/> naming the file and the problem.
/// </summary>
public static class PolicyCheckpoint
{
    /// <summary>The configuration file name.</summary>
    public const string ConfigFile = "config.json";
    /// <summary>The weights file name.</summary>
    public const string WeightsFile = "model.safetensors";
    /// <summary>The tokenizer file name.</summary>
    public const string TokenizerFile = "tokenizer.json";
    /// <summary>The training card file name.</summary>
    public const string CardFile = "training-card.md";

    /// <summary>Saves <paramref name="model"/> to the folder <paramref name="directory"/>, replacing it atomically.</summary>
    /// <param name="model">The model.</param>
    /// <param name="directory">The checkpoint folder; created, or replaced as a whole.</param>
    /// <param name="trainingCard">Markdown describing how the weights were trained, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    public static void Save(TinyPolicyModel model, string directory, string? trainingCard = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        AnomSeer.IO.AtomicFolder.Write(directory, staging =>
        {
            File.WriteAllText(Path.Combine(staging, ConfigFile), model.Config.ToJson());
            File.WriteAllText(Path.Combine(staging, TokenizerFile), model.Tokenizer.ToJson());
            model.Network.save_safetensors(Path.Combine(staging, WeightsFile));
            if (trainingCard is not null) File.WriteAllText(Path.Combine(staging, CardFile), trainingCard);
        });
    }

    /// <summary>Loads and validates a checkpoint folder.</summary>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="PolicyCheckpointException">A file is missing, corrupt, or does not match the others.</exception>
    public static TinyPolicyModel Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory)) throw new PolicyCheckpointException(directory, "the checkpoint folder does not exist.");
        string configPath = Path.Combine(directory, ConfigFile);
        string tokenizerPath = Path.Combine(directory, TokenizerFile);
        string weightsPath = Path.Combine(directory, WeightsFile);
        foreach (var p in new[] { configPath, tokenizerPath, weightsPath })
            if (!File.Exists(p)) throw new PolicyCheckpointException(p, "the file is missing from the checkpoint.");

        TinyPolicyConfig config;
        try { config = TinyPolicyConfig.FromJson(File.ReadAllText(configPath)); }
        catch (InvalidDataException e) { throw new PolicyCheckpointException(configPath, e.Message, e); }
        PolicyTokenizer tokenizer;
        try { tokenizer = PolicyTokenizer.FromJson(File.ReadAllText(tokenizerPath)); }
        catch (InvalidDataException e) { throw new PolicyCheckpointException(tokenizerPath, e.Message, e); }
        if (config.VocabSize != tokenizer.Count)
            throw new PolicyCheckpointException(tokenizerPath, $"the tokenizer has {tokenizer.Count} tokens but config.json says vocab_size {config.VocabSize}.");
        if (config.PointerOffsetCount != tokenizer.OffsetTokenCount)
            throw new PolicyCheckpointException(tokenizerPath, $"the tokenizer has {tokenizer.OffsetTokenCount} offset tokens but config.json says pointer_offset_count {config.PointerOffsetCount}.");

        var entries = SafetensorsHeader.Read(weightsPath).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var model = new TinyPolicyModel(config, tokenizer);
        try
        {
            var expected = model.ParameterShapes;
            var missing = expected.Where(p => !entries.ContainsKey(p.Name)).Select(p => p.Name).ToArray();
            if (missing.Length > 0)
                throw new PolicyCheckpointException(weightsPath, $"missing tensor(s): {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}.");
            var known = expected.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var unexpected = entries.Keys.Where(k => !known.Contains(k)).ToArray();
            if (unexpected.Length > 0)
                throw new PolicyCheckpointException(weightsPath, $"unexpected tensor(s): {string.Join(", ", unexpected.Take(5))}{(unexpected.Length > 5 ? ", …" : "")}.");
            foreach (var (name, shape) in expected)
            {
                var e = entries[name];
                if (e.DType != "F32")
                    throw new PolicyCheckpointException(weightsPath, $"tensor '{name}' is {e.DType}, expected F32.");
                if (!e.Shape.SequenceEqual(shape))
                    throw new PolicyCheckpointException(weightsPath, $"tensor '{name}' has shape [{string.Join(", ", e.Shape)}] but config.json implies [{string.Join(", ", shape)}].");
            }
            try { model.Network.load_safetensors(weightsPath, strict: true); }
            catch (Exception e) when (e is not PolicyCheckpointException)
            {
                throw new PolicyCheckpointException(weightsPath, $"the weights could not be read: {e.Message}", e);
            }
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
