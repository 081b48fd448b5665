using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Policy;

/// <summary>
/// Per-token results for a batch of responses, right-padded to the longest response. Owns its tensors: dispose it (or
/// move the tensors you keep to an outer dispose scope).
/// </summary>
public sealed class ResponseScores : IDisposable
{
    internal ResponseScores(Tensor logProbs, Tensor mask, Tensor? entropy, Tensor? hiddenStates)
    {
        LogProbs = logProbs;
        Mask = mask;
        Entropy = entropy;
        HiddenStates = hiddenStates;
    }

    /// <summary><c>[B, T]</c> float32 log-probability of each response token; 0 at padding. Carries gradients when requested.</summary>
    public Tensor LogProbs { get; }

    /// <summary><c>[B, T]</c> float32, 1 at response tokens and 0 at padding.</summary>
    public Tensor Mask { get; }

    /// <summary><c>[B, T]</c> float32 entropy of the predictive distribution at each response token, or null when not requested.</summary>
    public Tensor? Entropy { get; }

    /// <summary><c>[B, T, D]</c> float32 final-layer hidden states (after the final norm) at the response tokens, detached,
    /// or null when not requested.</summary>
    public Tensor? HiddenStates { get; }

    /// <summary>The log-probabilities of row <paramref name="row"/> without padding.</summary>
    public float[] LogProbsOf(int row) => Unpad(LogProbs, row);

    /// <summary>The entropies of row <paramref name="row"/> without padding.</summary>
    /// <exception cref="InvalidOperationException">Entropies were not requested.</exception>
    public float[] EntropyOf(int row) => Unpad(Entropy ?? throw new InvalidOperationException("Entropies were not requested."), row);

    private float[] Unpad(Tensor t, int row)
    {
        using var scope = NewDisposeScope();
        int n = (int)Mask[row].sum().item<float>();
        return t[row, TensorIndex.Slice(0, n)].detach().to(float32).cpu().data<float>().ToArray();
    }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        LogProbs.Dispose();
        Mask.Dispose();
        Entropy?.Dispose();
        HiddenStates?.Dispose();
    }
}
