using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// Scratch buffers of one solver thread, grown to the largest problem seen and reused, so that solving
/// allocates nothing per iteration (and nothing per problem once warm, apart from the result).
/// </summary>
/// <remarks>
/// The buffers are pinned (pinned object heap) and handed out from their first 64-byte boundary
/// (<see cref="MatrixMemory"/>, <see cref="VectorsMemory"/>, ...): a 512-bit load from an unaligned row spans two cache
/// lines, which made the scaling iterations ≈ 30 % slower when the GC happened to place K off a line boundary.
/// </remarks>
internal sealed class SinkhornWorkspace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] private static SinkhornWorkspace<T>? t_current;

    private Buffer _matrix, _transposed, _cost, _vectors, _partials;

    /// <summary>The workspace of the calling thread.</summary>
    public static SinkhornWorkspace<T> ForCurrentThread() => t_current ??= new SinkhornWorkspace<T>();

    /// <summary>A buffer of at least <paramref name="length"/> entries for the kernel matrix (K, or −C/ε).</summary>
    public Span<T> Matrix(int length) => _matrix.Grow(length).AsSpan(0, length);

    /// <summary>The array behind <see cref="Matrix"/> (at least <paramref name="length"/> long), for work split across threads.</summary>
    public T[] MatrixArray(int length) => _matrix.Grow(length);

    /// <summary>The matrix buffer, <paramref name="length"/> entries from a 64-byte boundary.</summary>
    public Memory<T> MatrixMemory(int length) => _matrix.Aligned(length);

    /// <summary>A buffer of <paramref name="length"/> entries from a 64-byte boundary for a cost matrix the solver computes itself (the fused cosine path).</summary>
    public Memory<T> CostMemory(int length) => _cost.Aligned(length);

    /// <summary>A buffer of <paramref name="length"/> entries from a 64-byte boundary for per-row-block partial sums.</summary>
    public Memory<T> PartialsMemory(int length) => _partials.Aligned(length);

    /// <summary>The cleared vector buffer, <paramref name="length"/> entries from a 64-byte boundary.</summary>
    public Memory<T> VectorsMemory(int length)
    {
        var memory = _vectors.Aligned(length);
        memory.Span.Clear();
        return memory;
    }

    /// <summary>The cleared array behind <see cref="Vectors"/> (at least <paramref name="length"/> long).</summary>
    public T[] VectorsArray(int length)
    {
        var array = _vectors.Grow(length);
        array.AsSpan(0, length).Clear();
        return array;
    }

    /// <summary>The array behind <see cref="Transposed"/> (at least <paramref name="length"/> long).</summary>
    public T[] TransposedArray(int length) => _transposed.Grow(length);

    /// <summary>A second matrix buffer (the transpose, log domain only).</summary>
    public Span<T> Transposed(int length) => _transposed.Grow(length).AsSpan(0, length);

    /// <summary>A cleared buffer of <paramref name="length"/> entries, sliced by the caller into its vectors.</summary>
    public Span<T> Vectors(int length)
    {
        var span = _vectors.Grow(length).AsSpan(0, length);
        span.Clear();
        return span;
    }

    /// <summary>A pinned array and the index of its first entry on a 64-byte boundary.</summary>
    private struct Buffer
    {
        private T[]? _array;
        private int _offset;

        /// <summary>The array, at least <paramref name="length"/> entries long (contents kept only while it does not grow).</summary>
        public T[] Grow(int length)
        {
            if (_array is null || _array.Length < length)
            {
                long grown = Math.Max(length, _array is null ? 0 : _array.Length * 3L / 2);
                int size = (int)Math.Min(Array.MaxLength, grown + 64 / Unsafe.SizeOf<T>());
                _array = GC.AllocateArray<T>(size, pinned: true);
                _offset = AlignmentOffset(_array);
            }
            return _array;
        }

        /// <summary><paramref name="length"/> entries from the first 64-byte boundary.</summary>
        public Memory<T> Aligned(int length)
        {
            var array = Grow(length + 64 / Unsafe.SizeOf<T>());
            return array.AsMemory(_offset, length);
        }

        private static int AlignmentOffset(T[] array)
        {
            // Pinned-heap objects never move, so the address read once stays valid.
            var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
            try
            {
                long misalignment = handle.AddrOfPinnedObject() & 63;
                return misalignment == 0 ? 0 : (int)((64 - misalignment) / Unsafe.SizeOf<T>());
            }
            finally
            {
                handle.Free();
            }
        }
    }
}
