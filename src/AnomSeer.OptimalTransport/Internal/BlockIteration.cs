using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// One iteration of the scaling form, in a single pass over K, split into fixed blocks of rows. Block
/// <c>β</c>: for each of its rows <c>u_i = a_i / (K_i · v + tiny)</c> (guarded), then right away, while the row is
/// in cache, <c>partial_β += u_i K_i</c>. Afterwards <c>v = b / (Σ_β partial_β + tiny)</c> (guarded), the
/// partials summed in block order. Blocks run in parallel when a degree above 1 is given; the arithmetic is
/// identical either way.
/// </summary>
/// <remarks>
/// The vector buffer is laid out as in <see cref="ScalingSinkhorn"/>: a, u, scratch (n each), then b, v, acc,
/// scratch (m each). Created once per solve, so the parallel path allocates only what <c>Parallel.For</c> does.
/// </remarks>
internal sealed class BlockIteration<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _k, _vectors, _partials;
    private readonly int _n, _m, _blocks, _degree;
    private readonly T _tiny;
    private readonly Action<int> _block;
    private readonly ParallelOptions? _parallel;

    public BlockIteration(T[] k, T[] vectors, T[] partials, int n, int m, T tiny, int degreeOfParallelism)
    {
        _k = k;
        _vectors = vectors;
        _partials = partials;
        _n = n;
        _m = m;
        _tiny = tiny;
        _blocks = (n + ScalingSinkhorn.BlockRows - 1) / ScalingSinkhorn.BlockRows;
        _degree = degreeOfParallelism;
        _block = RunBlock;
        if (_degree != 1) _parallel = new ParallelOptions { MaxDegreeOfParallelism = _degree };
    }

    public void Run(CancellationToken cancellationToken)
    {
        if (_parallel is null || _blocks == 1)
        {
            for (int blk = 0; blk < _blocks; blk++) RunBlock(blk);
        }
        else
        {
            _parallel.CancellationToken = cancellationToken;
            Parallel.For(0, _blocks, _parallel, _block);
        }

        int n = _n, m = _m;
        var b = _vectors.AsSpan(3 * n, m);
        var v = _vectors.AsSpan(3 * n + m, m);
        var acc = _vectors.AsSpan(3 * n + 2 * m, m);
        _partials.AsSpan(0, m).CopyTo(acc);
        for (int blk = 1; blk < _blocks; blk++)
            TensorPrimitives.Add(acc, _partials.AsSpan(blk * m, m), acc);
        TensorPrimitives.Add(acc, _tiny, acc);
        TensorPrimitives.Divide(b, acc, v);
        for (int j = 0; j < m; j++) v[j] = ScalingSinkhorn.Guard(v[j]);
    }

    private void RunBlock(int blk)
    {
        int n = _n, m = _m;
        ReadOnlySpan<T> k = _k;
        ReadOnlySpan<T> a = _vectors.AsSpan(0, n);
        Span<T> u = _vectors.AsSpan(n, n);
        ReadOnlySpan<T> v = _vectors.AsSpan(3 * n + m, m);
        Span<T> partial = _partials.AsSpan(blk * m, m);
        partial.Clear();
        int end = Math.Min(n, (blk + 1) * ScalingSinkhorn.BlockRows);
        for (int i = blk * ScalingSinkhorn.BlockRows; i < end; i++)
        {
            var row = k.Slice(i * m, m);
            T ui = ScalingSinkhorn.Guard(a[i] / (TensorPrimitives.Dot(row, v) + _tiny));
            u[i] = ui;
            TensorPrimitives.MultiplyAdd(row, ui, partial, partial);
        }
    }
}
