using AnomSeer.OptimalTransport;
using static TorchSharp.torch;

namespace AnomSeer.Training;

/// <summary>Conversions between padded <c>[B, T(, D)]</c> tensors and per-row arrays.</summary>
internal static class TensorRows
{
    /// <summary>The <c>[T_i, D]</c> hidden states of row <paramref name="row"/> (its first <c>Σ mask</c> positions).</summary>
    public static HiddenStates HiddenRow(Tensor states, Tensor mask, int row)
    {
        using var scope = NewDisposeScope();
        int n = (int)mask[row].sum().item<float>();
        int d = (int)states.shape[2];
        if (n == 0) return new HiddenStates(ReadOnlyMemory<float>.Empty, 0, d);
        var flat = states[row, TensorIndex.Slice(0, n)].contiguous().to(float32).cpu().data<float>().ToArray();
        return new HiddenStates(flat, n, d);
    }

    /// <summary>A <c>[indices.Count, width]</c> float32 tensor of the rows <paramref name="indices"/> of <paramref name="rows"/>,
    /// right-padded with zeros.</summary>
    public static Tensor Pad(float[][] rows, IReadOnlyList<int> indices, long width)
    {
        var data = new float[indices.Count * width];
        for (int k = 0; k < indices.Count; k++)
        {
            var r = rows[indices[k]];
            if (r.Length > width) throw new InvalidOperationException($"Row {indices[k]} has {r.Length} tokens but the batch is {width} wide.");
            Array.Copy(r, 0, data, k * width, r.Length);
        }
        return tensor(data, [indices.Count, width]);
    }
}
