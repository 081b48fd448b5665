using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>
/// A device buffer that only grows (by at least half its size), reused across calls so that a solver
/// allocates device memory only when a batch is larger than every batch before it.
/// </summary>
internal sealed class DeviceBuffer<T> : IDisposable where T : unmanaged
{
    private readonly Accelerator _accelerator;
    private MemoryBuffer1D<T, Stride1D.Dense>? _buffer;

    public DeviceBuffer(Accelerator accelerator) => _accelerator = accelerator;

    /// <summary>Current capacity in elements.</summary>
    public long Capacity => _buffer?.Length ?? 0;

    /// <summary>A view of exactly <paramref name="length"/> elements (at least 1 is allocated), growing first if needed.</summary>
    public ArrayView<T> View(long length)
    {
        long needed = Math.Max(1, length);
        if (_buffer is null || _buffer.Length < needed)
        {
            long grown = Math.Max(needed, _buffer is null ? 0 : _buffer.Length + _buffer.Length / 2);
            _buffer?.Dispose();
            _buffer = null;
            _buffer = _accelerator.Allocate1D<T>(grown);
        }
        return _buffer.View.SubView(0, Math.Max(1, length)).AsContiguous();
    }

    /// <summary>Copies <paramref name="source"/> to the start of the buffer and returns a view of it.</summary>
    public ArrayView<T> Upload(ReadOnlySpan<T> source)
    {
        var view = View(source.Length);
        if (!source.IsEmpty) view.SubView(0, source.Length).CopyFromCPU(source);
        return view;
    }

    public void Dispose()
    {
        _buffer?.Dispose();
        _buffer = null;
    }
}
