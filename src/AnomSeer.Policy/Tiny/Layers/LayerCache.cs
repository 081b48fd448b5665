using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny.Layers;

/// <summary>
/// The key/value cache of one attention layer during generation: preallocated <c>[B, H, capacity, hd]</c> buffers
/// (outside dispose scopes) filled column by column, so that a step costs no copy of the earlier keys.
/// </summary>
internal sealed class LayerCache : IDisposable
{
    private readonly long _capacity;
    private Tensor? _keys;
    private Tensor? _values;
    private long _length;

    /// <param name="capacity">The most columns the cache will hold; more grows the buffers.</param>
    public LayerCache(long capacity) => _capacity = Math.Max(1, capacity);

    /// <summary>Number of cached columns.</summary>
    public long Length => _length;

    /// <summary>Appends new keys and values <c>[B, H, T, hd]</c> and returns views of all cached ones (valid until the next call).</summary>
    public (Tensor Keys, Tensor Values) Append(Tensor keys, Tensor values)
    {
        long t = keys.shape[2];
        if (_keys is null || _values is null || _length + t > _keys.shape[2])
            Grow(keys, Math.Max(_capacity, 2 * (_length + t)));
        using (no_grad())
        {
            _keys![.., .., (int)_length..(int)(_length + t)].copy_(keys.detach());
            _values![.., .., (int)_length..(int)(_length + t)].copy_(values.detach());
        }
        _length += t;
        return (_keys[.., .., ..(int)_length], _values[.., .., ..(int)_length]);
    }

    private void Grow(Tensor like, long capacity)
    {
        long b = like.shape[0], h = like.shape[1], d = like.shape[3];
        var k = zeros([b, h, capacity, d], like.dtype, like.device);
        var v = zeros([b, h, capacity, d], like.dtype, like.device);
        k.DetachFromDisposeScope();
        v.DetachFromDisposeScope();
        if (_keys is not null && _values is not null && _length > 0)
        {
            k[.., .., ..(int)_length].copy_(_keys[.., .., ..(int)_length]);
            v[.., .., ..(int)_length].copy_(_values[.., .., ..(int)_length]);
        }
        _keys?.Dispose();
        _values?.Dispose();
        _keys = k;
        _values = v;
    }

    /// <summary>Keeps (or repeats) the batch rows <paramref name="rows"/>.</summary>
    public void Select(Tensor rows)
    {
        if (_keys is null || _values is null) return;
        var k = _keys.index_select(0, rows);
        var v = _values.index_select(0, rows);
        k.DetachFromDisposeScope();
        v.DetachFromDisposeScope();
        _keys.Dispose();
        _values.Dispose();
        _keys = k;
        _values = v;
    }

    public void Dispose()
    {
        _keys?.Dispose();
        _values?.Dispose();
        _keys = null;
        _values = null;
        _length = 0;
    }
}
