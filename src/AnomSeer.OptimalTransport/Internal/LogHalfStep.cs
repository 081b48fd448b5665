using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// One half-step of the log-domain form over a rows × cols matrix <c>mat</c> (−C/ε or its transpose):
/// <c>out_r = logMass_r − LSE_c(mat_rc + other_c)</c> for every row, rows split into fixed blocks that run in
/// parallel when a degree above 1 is given. Rows are independent, so the result never depends on threads.
/// </summary>
internal sealed class LogHalfStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int BlockRows = 64;

    private readonly T[] _mat, _vectors;
    private readonly int _rows, _cols, _otherOffset, _massOffset, _outputOffset, _blocks;
    private readonly Action<int> _block;
    private readonly ParallelOptions? _parallel;

    /// <param name="mat">Row-major rows × cols.</param>
    /// <param name="rows">Rows of <paramref name="mat"/>.</param>
    /// <param name="cols">Columns of <paramref name="mat"/>.</param>
    /// <param name="vectors">The buffer holding the vectors below.</param>
    /// <param name="otherOffset">Offset of the other side's log-scaling (cols long).</param>
    /// <param name="massOffset">Offset of this side's log-mass (rows long).</param>
    /// <param name="outputOffset">Offset of this side's log-scaling (rows long), written.</param>
    /// <param name="degreeOfParallelism">1 for serial, otherwise a <c>Parallel.For</c> degree (−1 = all cores).</param>
    public LogHalfStep(T[] mat, int rows, int cols, T[] vectors, int otherOffset, int massOffset, int outputOffset, int degreeOfParallelism)
    {
        _mat = mat;
        _rows = rows;
        _cols = cols;
        _vectors = vectors;
        _otherOffset = otherOffset;
        _massOffset = massOffset;
        _outputOffset = outputOffset;
        _blocks = (rows + BlockRows - 1) / BlockRows;
        _block = RunBlock;
        if (degreeOfParallelism != 1 && _blocks > 1) _parallel = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism };
    }

    public void Run(CancellationToken cancellationToken)
    {
        if (_parallel is null)
        {
            for (int blk = 0; blk < _blocks; blk++) RunBlock(blk);
            return;
        }
        _parallel.CancellationToken = cancellationToken;
        Parallel.For(0, _blocks, _parallel, _block);
    }

    private void RunBlock(int blk)
    {
        T[] rented = ArrayPool<T>.Shared.Rent(_cols);
        try
        {
            var row = rented.AsSpan(0, _cols);
            ReadOnlySpan<T> other = _vectors.AsSpan(_otherOffset, _cols);
            int end = Math.Min(_rows, (blk + 1) * BlockRows);
            for (int r = blk * BlockRows; r < end; r++)
            {
                TensorPrimitives.Add(_mat.AsSpan(r * _cols, _cols), other, row);
                T max = TensorPrimitives.Max<T>(row);
                TensorPrimitives.Subtract(row, max, row);
                TensorPrimitives.Exp(row, row);
                _vectors[_outputOffset + r] = _vectors[_massOffset + r] - (max + T.Log(TensorPrimitives.Sum<T>(row)));
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }
}
