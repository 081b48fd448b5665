using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// One iteration of the scaling form, in a single pass over K, split into fixed blocks of rows. Block
/// <c>β</c>: four rows at a time (<see cref="RowKernels"/>), <c>u_i = a_i / (K_i · v + tiny)</c> (guarded), then right
/// away, while the rows are in cache, <c>partial_β += u_i K_i</c> in row order. Afterwards <c>v = b / (Σ_β partial_β + tiny)</c> (guarded), the
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
        int i = blk * ScalingSinkhorn.BlockRows;
        T tiny = _tiny;
        for (; i + 4 <= end; i += 4)
        {
            RowKernels.Dot4(k, i, m, v, out T d0, out T d1, out T d2, out T d3);
            T u0 = u[i] = ScalingSinkhorn.Guard(a[i] / (d0 + tiny));
            T u1 = u[i + 1] = ScalingSinkhorn.Guard(a[i + 1] / (d1 + tiny));
            T u2 = u[i + 2] = ScalingSinkhorn.Guard(a[i + 2] / (d2 + tiny));
            T u3 = u[i + 3] = ScalingSinkhorn.Guard(a[i + 3] / (d3 + tiny));
            RowKernels.Axpy4(k, i, m, u0, u1, u2, u3, partial);
        }
        for (; i < end; i++)
        {
            var row = k.Slice(i * m, m);
            T ui = ScalingSinkhorn.Guard(a[i] / (TensorPrimitives.Dot(row, v) + _tiny));
            u[i] = ui;
            TensorPrimitives.MultiplyAdd(row, ui, partial, partial);
        }
    }
}
