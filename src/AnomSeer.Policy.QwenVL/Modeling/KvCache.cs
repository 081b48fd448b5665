using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL.Modeling;

/// <summary>
/// The key/value cache of all decoder layers (spec §8.3): per layer, preallocated <c>(B, kv_heads, capacity, d)</c>
/// buffers holding the rotated keys and the values, filled in place, outside any dispose scope.
/// </summary>
internal sealed class KvCache : IDisposable
{
    private readonly Tensor?[] _keys;
    private readonly Tensor?[] _values;
    private readonly long[] _lengths;
    private readonly long _capacity;

    public KvCache(int layers, long capacity)
    {
        _keys = new Tensor?[layers];
        _values = new Tensor?[layers];
        _lengths = new long[layers];
        _capacity = Math.Max(1, capacity);
    }

    /// <summary>Tokens already cached (the next token's <c>cache_position</c>).</summary>
    public long Length => _lengths.Length == 0 ? 0 : _lengths[^1];

    /// <summary>Appends <c>(B, kv, T, d)</c> keys and values to layer <paramref name="layer"/>; returns views of all cached.</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        long t = keys.shape[2], len = _lengths[layer];
        if (_keys[layer] is null || len + t > _keys[layer]!.shape[2]) Grow(layer, keys, Math.Max(_capacity, 2 * (len + t)));
        using (no_grad())
        {
            _keys[layer]![.., .., (int)len..(int)(len + t)].copy_(keys.detach());
            _values[layer]![.., .., (int)len..(int)(len + t)].copy_(values.detach());
        }
        _lengths[layer] = len + t;
        return (_keys[layer]![.., .., ..(int)(len + t)], _values[layer]![.., .., ..(int)(len + t)]);
    }

    /// <summary>Keeps (or repeats) batch rows, e.g. one prefilled prompt repeated for n samples.</summary>
    public void SelectRows(Tensor rows)
    {
        for (int l = 0; l < _keys.Length; l++)
        {
            if (_keys[l] is null) continue;
            var k = _keys[l]!.index_select(0, rows).DetachFromDisposeScope();
            var v = _values[l]!.index_select(0, rows).DetachFromDisposeScope();
            _keys[l]!.Dispose();
            _values[l]!.Dispose();
            _keys[l] = k;
            _values[l] = v;
        }
    }

    private void Grow(int layer, Tensor like, long capacity)
    {
        long b = like.shape[0], h = like.shape[1], d = like.shape[3], len = _lengths[layer];
        var k = zeros([b, h, capacity, d], like.dtype, like.device).DetachFromDisposeScope();
        var v = zeros([b, h, capacity, d], like.dtype, like.device).DetachFromDisposeScope();
        if (_keys[layer] is not null && len > 0)
        {
            using (no_grad())
            {
                k[.., .., ..(int)len].copy_(_keys[layer]![.., .., ..(int)len]);
                v[.., .., ..(int)len].copy_(_values[layer]![.., .., ..(int)len]);
            }
        }
        _keys[layer]?.Dispose();
        _values[layer]?.Dispose();
        _keys[layer] = k;
        _values[layer] = v;
    }

    public void Dispose()
    {
        for (int l = 0; l < _keys.Length; l++)
        {
            _keys[l]?.Dispose();
            _values[l]?.Dispose();
            _keys[l] = null;
            _values[l] = null;
            _lengths[l] = 0;
        }
    }
}
