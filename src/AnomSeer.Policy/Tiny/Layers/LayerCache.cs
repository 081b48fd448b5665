using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>The key/value cache of one attention layer during generation: <c>[B, H, T, hd]</c> each, outside dispose scopes.</summary>
internal sealed class LayerCache : IDisposable
{
    public Tensor? Keys { get; private set; }
    public Tensor? Values { get; private set; }

    /// <summary>Appends new keys and values and returns the full ones (owned by the cache).</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values)
    {
        var k = Keys is null ? keys.detach().clone() : cat([Keys, keys.detach()], 2);
        var v = Values is null ? values.detach().clone() : cat([Values, values.detach()], 2);
        k.DetachFromDisposeScope();
        v.DetachFromDisposeScope();
        Keys?.Dispose();
        Values?.Dispose();
        Keys = k;
        Values = v;
        return (k, v);
    }

    /// <summary>Keeps only the rows <paramref name="rows"/> (batch index select).</summary>
    public void Select(Tensor rows)
    {
        if (Keys is null || Values is null) return;
        var k = Keys.index_select(0, rows);
        var v = Values.index_select(0, rows);
        k.DetachFromDisposeScope();
        v.DetachFromDisposeScope();
        Keys.Dispose();
        Values.Dispose();
        Keys = k;
        Values = v;
    }

    public void Dispose()
    {
        Keys?.Dispose();
        Values?.Dispose();
        Keys = null;
        Values = null;
    }
}
