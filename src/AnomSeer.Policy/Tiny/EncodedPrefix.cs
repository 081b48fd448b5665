using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny;

/// <summary>A batch of encoded inputs: the left-padded decoder prefix and the pointer targets. Owns its tensors.</summary>
internal sealed class EncodedPrefix : IDisposable
{
    /// <summary><c>[B, Tp, D]</c> prefix embeddings (input tokens, then BOS and prompt), left-padded.</summary>
    public required Tensor Embeds { get; init; }
    /// <summary><c>[B, Tp]</c> bool, true at real prefix positions.</summary>
    public required Tensor Valid { get; init; }
    /// <summary>Real prefix length per sample.</summary>
    public required long[] Lengths { get; init; }
    /// <summary><c>[B, N, D]</c> encoder outputs of all input tokens (vision, then series), after the encoder norm.</summary>
    public required Tensor Encoded { get; init; }
    /// <summary><c>[B, N]</c> bool, true at real input tokens.</summary>
    public required Tensor EncodedValid { get; init; }
    /// <summary><c>[B, P, D]</c> encoder outputs of the pointer targets.</summary>
    public required Tensor Targets { get; init; }
    /// <summary><c>[B, P]</c> bool, true at real targets.</summary>
    public required Tensor TargetValid { get; init; }
    /// <summary>Number of real pointer targets per sample.</summary>
    public required int[] TargetCounts { get; init; }

    public void Dispose()
    {
        Embeds.Dispose();
        Valid.Dispose();
        Encoded.Dispose();
        EncodedValid.Dispose();
        Targets.Dispose();
        TargetValid.Dispose();
    }
}
