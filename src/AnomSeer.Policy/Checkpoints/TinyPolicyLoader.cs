using AnomSeer.Policy.Tiny;

namespace AnomSeer.Policy.Checkpoints;

/// <summary>Loads AnomSeer-Tiny checkpoints (<c>config.json</c>, <c>model.safetensors</c>, <c>tokenizer.json</c>).</summary>
public sealed class TinyPolicyLoader : IPolicyLoader
{
    /// <inheritdoc />
    /// <exception cref="PolicyCheckpointException">The folder is missing, incomplete or corrupt.</exception>
    public IPolicyModel Load(string directory) => TinyPolicyModel.Load(directory);
}
