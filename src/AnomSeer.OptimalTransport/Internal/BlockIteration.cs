using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// One iteration of the scaling form, in a single pass over K, split into fixed blocks of rows. Block
/// <c>β</c>: eight (or four) rows at a time (<see cref="RowKernels"/>), <c>u_i = a_i / (K_i · v + tiny)</c> (guarded), then right
/// away, while the rows are in cache, <c>partial_β += u_i K_i</c> in row order. Afterwards <c>v = b / (Σ_β partial_β + tiny)</c> (guarded), the
/// partials summed in block order, in one vectorised pass (<see cref="RowKernels.UpdateV{T}"/>). Blocks run on several threads when a degree above 1 is given; the arithmetic is
/// identical either way.
/// </summary>
/// <remarks>
/// The vector buffer is laid out as <see cref="ScalingVectors"/> says: a, u, scratch (n each), then b, v,
/// scratch (m each). With several threads, the calling thread and one long-lived helper per extra thread
/// (started once per solve, on the thread pool) share the work of every iteration: each owns a fixed contiguous
/// range of blocks (so its part of K stays in its core's cache), claims each block with a compare-exchange on a
/// per-block generation number, and spins (no fork/join per iteration) for the next generation. The calling
/// thread then claims whatever a helper has not yet started, so a helper that is not scheduled only costs
/// speed, never progress. Every block is computed exactly once per iteration, whoever computes it.
/// </remarks>
internal sealed class BlockIteration<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Memory<T> _k, _vectors, _partials;
    private readonly int _n, _m, _blocks, _threads;
    private readonly ScalingVectors _layout;
    private readonly T _tiny;
    private readonly int[] _claims = [];
    private readonly double[] _blockCosts;
    private readonly bool[] _blockInvalid;
    private ReadOnlyMemory<T> _cost;
    private T _negEps;
    private double[]? _plan;
    private int _phase;
    private int _generation;
    private long _done;
    private volatile bool _stop;
    private bool _started;

    public BlockIteration(Memory<T> k, Memory<T> vectors, Memory<T> partials, int n, int m, T tiny, int degreeOfParallelism)
    {
        _k = k;
        _vectors = vectors;
        _partials = partials;
        _n = n;
        _m = m;
        _layout = new ScalingVectors(n, m);
        _tiny = tiny;
        _blocks = (n + ScalingSinkhorn.BlockRows - 1) / ScalingSinkhorn.BlockRows;
        int degree = degreeOfParallelism == -1 ? Environment.ProcessorCount : degreeOfParallelism;
        _threads = Math.Clamp(degree, 1, _blocks);
        if (_threads > 1) _claims = new int[_blocks];
        _blockCosts = new double[_blocks];
        _blockInvalid = new bool[_blocks];
    }

    /// <summary><c>K = max(exp(C / −ε), tiny)</c>, block by block (elementwise, so identical on any thread).</summary>
    /// <returns>Whether every cost is finite and non-negative (checked in the same pass).</returns>
    public bool BuildKernel(ReadOnlyMemory<T> cost, T epsilon)
    {
        _cost = cost;
        _negEps = -epsilon;
        _blockInvalid.AsSpan().Clear();
        RunBlocks(BlockPhase.Build);
        return !_blockInvalid.AsSpan().Contains(true);
    }

    /// <summary>Takes K as already built (by the caller, from <paramref name="cost"/> as <see cref="BuildKernel"/> would); keeps the cost for <see cref="Diagnose"/>.</summary>
    public void UseBuiltKernel(ReadOnlyMemory<T> cost) => _cost = cost;

    /// <summary>
    /// The marginal error <c>‖u ⊙ K v − a‖₁ + ‖v ⊙ Kᵀ u − b‖₁</c> and, when <paramref name="withCost"/>, the transport cost
    /// <c>W = Σ_ij T_ij C_ij</c> with <c>T = diag(u) K diag(v)</c> (non-finite entries of T counted as 0), filling
    /// <paramref name="plan"/> when given. Per block, then summed in block order.
    /// </summary>
    public (double Error, double Cost) Diagnose(bool withCost, double[]? plan)
    {
        _plan = plan;
        RunBlocks(withCost ? BlockPhase.ErrorAndCost : BlockPhase.Error);
        int n = _n, m = _m;
        var a = _vectors.Span.Slice(_layout.A, n);
        var rowSums = _vectors.Span.Slice(_layout.RowScratch, n);
        var b = _vectors.Span.Slice(_layout.B, m);
        var v = _vectors.Span.Slice(_layout.V, m);
        var colSums = _vectors.Span.Slice(_layout.ColScratch, m);
        _partials.Span.Slice(0, m).CopyTo(colSums);
        for (int blk = 1; blk < _blocks; blk++)
            TensorPrimitives.Add(colSums, _partials.Span.Slice(blk * m, m), colSums);
        TensorPrimitives.Multiply(colSums, v, colSums);
        double error = SinkhornMasses.L1Distance<T>(rowSums, a) + SinkhornMasses.L1Distance<T>(colSums, b);
        double w = 0;
        if (withCost)
            for (int blk = 0; blk < _blocks; blk++) w += _blockCosts[blk];
        return (error, w);
    }

    /// <summary>One iteration: the u-update and column partials per block, then the v-update.</summary>
    public void Run()
    {
        RunBlocks(BlockPhase.Iterate);
        int m = _m;
        RowKernels.UpdateV(_partials.Span.Slice(0, _blocks * m), _blocks, _vectors.Span.Slice(_layout.B, m), _tiny, _vectors.Span.Slice(_layout.V, m));
    }

    private void RunBlocks(BlockPhase phase)
    {
        _phase = (int)phase;
        if (_threads == 1)
        {
            for (int blk = 0; blk < _blocks; blk++) Dispatch(blk);
            return;
        }
        if (!_started) StartHelpers();
        int generation = _generation + 1;
        Volatile.Write(ref _generation, generation);   // publishes the phase and the vectors written before
        ClaimRange(0, generation);
        for (int blk = 0; blk < _blocks; blk++)       // blocks no helper has started yet
            if (Interlocked.CompareExchange(ref _claims[blk], generation, generation - 1) == generation - 1)
                Finish(blk);
        long target = (long)generation * _blocks;
        var spin = new SpinWait();
        while (Volatile.Read(ref _done) != target) spin.SpinOnce(-1);
    }

    /// <summary>Stops the helpers (they exit at their next wait; all blocks of every iteration are already done).</summary>
    public void Dispose() => _stop = true;

    private void StartHelpers()
    {
        _started = true;
        for (int t = 1; t < _threads; t++)
        {
            int thread = t;
            ThreadPool.UnsafeQueueUserWorkItem(_ => Help(thread), null);
        }
    }

    private void Help(int thread)
    {
        int seen = 0;
        var spin = new SpinWait();
        while (!_stop)
        {
            int generation = Volatile.Read(ref _generation);
            if (generation == seen)
            {
                spin.SpinOnce(-1);
                continue;
            }
            spin.Reset();
            seen = generation;
            ClaimRange(thread, generation);
        }
    }

    /// <summary>Claims and computes, in order, the blocks of <paramref name="thread"/>'s range not yet taken.</summary>
    private void ClaimRange(int thread, int generation)
    {
        int first = (int)((long)_blocks * thread / _threads), end = (int)((long)_blocks * (thread + 1) / _threads);
        for (int blk = first; blk < end; blk++)
            if (Interlocked.CompareExchange(ref _claims[blk], generation, generation - 1) == generation - 1)
                Finish(blk);
    }

    private void Finish(int blk)
    {
        Dispatch(blk);
        Interlocked.Increment(ref _done);
    }

    private void Dispatch(int blk)
    {
        switch ((BlockPhase)_phase)
        {
            case BlockPhase.Iterate: RunBlock(blk); break;
            case BlockPhase.Build: _blockInvalid[blk] = !BlockPasses.BuildKernel(_cost.Span, _k.Span, Rows(blk), _m, _negEps, _tiny); break;
            default:
                _blockCosts[blk] = BlockPasses.Diagnose(_k.Span, _cost.Span, _vectors.Span, _layout, _partials.Span.Slice(blk * _m, _m), _n, _m,
                    Rows(blk), _phase == (int)BlockPhase.ErrorAndCost, _plan);
                break;
        }
    }

    private Range Rows(int blk) => new(blk * ScalingSinkhorn.BlockRows, Math.Min(_n, (blk + 1) * ScalingSinkhorn.BlockRows));

    private void RunBlock(int blk)
    {
        int n = _n, m = _m;
        ReadOnlySpan<T> k = _k.Span;
        ReadOnlySpan<T> a = _vectors.Span.Slice(_layout.A, n);
        Span<T> u = _vectors.Span.Slice(_layout.U, n);
        ReadOnlySpan<T> v = _vectors.Span.Slice(_layout.V, m);
        Span<T> partial = _partials.Span.Slice(blk * m, m);
        partial.Clear();
        int end = Math.Min(n, (blk + 1) * ScalingSinkhorn.BlockRows);
        int i = blk * ScalingSinkhorn.BlockRows;
        T tiny = _tiny;
        if (RowKernels.HasEightRowKernels<T>(m))
        {
            // Same arithmetic per row as the four-row kernels below, with half the loads of v and of the accumulator.
            Span<T> dots = stackalloc T[8];
            for (; i + 8 <= end; i += 8)
            {
                RowKernels.Dot8(k, i, m, v, dots);
                RowKernels.GuardedQuotient8(a.Slice(i, 8), dots, tiny, u.Slice(i, 8));
                RowKernels.Axpy8(k, i, m, u.Slice(i, 8), partial);
            }
        }
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
