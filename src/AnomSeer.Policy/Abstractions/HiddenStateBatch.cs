using static TorchSharp.torch;

namespace AnomSeer.Policy;

/// <summary>Final-layer hidden states of a batch of token sequences, right-padded. Owns its tensors.</summary>
public sealed class HiddenStateBatch : IDisposable
{
    internal HiddenStateBatch(Tensor states, Tensor mask)
    {
        States = states;
        Mask = mask;
    }

    /// <summary><c>[B, T, D]</c> float32 hidden states after the final norm, detached; zeros at padding.</summary>
    public Tensor States { get; }

    /// <summary><c>[B, T]</c> float32, 1 at real tokens and 0 at padding.</summary>
    public Tensor Mask { get; }

    /// <summary>The <c>[T_i, D]</c> hidden states of row <paramref name="row"/> without padding, as a row-major array.</summary>
    public float[,] RowOf(int row)
    {
        using var scope = NewDisposeScope();
        int n = (int)Mask[row].sum().item<float>();
        int d = (int)States.shape[2];
        var flat = States[row, TensorIndex.Slice(0, n)].contiguous().cpu().data<float>().ToArray();
        var result = new float[n, d];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(float));
        return result;
    }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        States.Dispose();
        Mask.Dispose();
    }
}
