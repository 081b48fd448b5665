using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL;

/// <summary>Loads Qwen2.5-VL checkpoint folders through the <see cref="IPolicyLoader"/> seam (see <see cref="QwenVLPolicy.FromPretrained"/>).</summary>
/// <param name="dtype">The weight dtype (bfloat16 as stored).</param>
/// <param name="device">The device; CPU when null.</param>
/// <param name="options">Policy settings; defaults when null.</param>
public sealed class QwenVLPolicyLoader(ScalarType dtype = ScalarType.BFloat16, Device? device = null, QwenVLPolicyOptions? options = null)
    : IPolicyLoader
{
    /// <inheritdoc/>
    public IPolicyModel Load(string directory) => QwenVLPolicy.FromPretrained(directory, dtype, device, options);
}
