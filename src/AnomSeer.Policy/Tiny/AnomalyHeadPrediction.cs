using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny;

/// <summary>The output of the auxiliary anomaly head for a batch. Owns its tensors.</summary>
public sealed class AnomalyHeadPrediction : IDisposable
{
    internal AnomalyHeadPrediction(Tensor output, Tensor mask, IReadOnlyList<TokenRange[]> ranges)
    {
        Output = output;
        Mask = mask;
        Ranges = ranges;
    }

    /// <summary><c>[B, N, 3]</c>: per input token the anomaly logit, then the start and end of its anomalous part as
    /// fractions of the token's x-range (unbounded regressions; read them clamped to [0, 1]).</summary>
    public Tensor Output { get; }

    /// <summary><c>[B, N]</c> float32, 1 at real input tokens and 0 at padding.</summary>
    public Tensor Mask { get; }

    /// <summary>Per sample, the x-ranges of its input tokens (visual strips, then series patches).</summary>
    public IReadOnlyList<TokenRange[]> Ranges { get; }

    /// <summary>The <c>[N_i · 3]</c> outputs of row <paramref name="row"/> without padding.</summary>
    public float[] RowOf(int row)
    {
        using var scope = NewDisposeScope();
        int n = Ranges[row].Length;
        return Output[row, TensorIndex.Slice(0, n)].detach().contiguous().cpu().data<float>().ToArray();
    }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        Output.Dispose();
        Mask.Dispose();
    }
}
