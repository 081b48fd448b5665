using System.Numerics;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>
/// Scratch buffers of one solver thread, grown to the largest problem seen and reused, so that solving
/// allocates nothing per iteration (and nothing per problem once warm, apart from the result).
/// </summary>
internal sealed class SinkhornWorkspace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic] private static SinkhornWorkspace<T>? t_current;

    private T[] _matrix = [];
    private T[] _transposed = [];
    private T[] _vectors = [];
    private T[] _partials = [];

    /// <summary>The workspace of the calling thread.</summary>
    public static SinkhornWorkspace<T> ForCurrentThread() => t_current ??= new SinkhornWorkspace<T>();

    /// <summary>A buffer of at least <paramref name="length"/> entries for the kernel matrix (K, or −C/ε).</summary>
    public Span<T> Matrix(int length) => Grow(ref _matrix, length).AsSpan(0, length);

    /// <summary>The array behind <see cref="Matrix"/> (at least <paramref name="length"/> long), for work split across threads.</summary>
    public T[] MatrixArray(int length) => Grow(ref _matrix, length);

    /// <summary>A buffer of at least <paramref name="length"/> entries for per-row-block partial sums.</summary>
    public T[] PartialsArray(int length) => Grow(ref _partials, length);

    /// <summary>The cleared array behind <see cref="Vectors"/> (at least <paramref name="length"/> long).</summary>
    public T[] VectorsArray(int length)
    {
        var array = Grow(ref _vectors, length);
        array.AsSpan(0, length).Clear();
        return array;
    }

    /// <summary>The array behind <see cref="Transposed"/> (at least <paramref name="length"/> long).</summary>
    public T[] TransposedArray(int length) => Grow(ref _transposed, length);

    /// <summary>A second matrix buffer (the transpose, log domain only).</summary>
    public Span<T> Transposed(int length) => Grow(ref _transposed, length).AsSpan(0, length);

    /// <summary>A cleared buffer of <paramref name="length"/> entries, sliced by the caller into its vectors.</summary>
    public Span<T> Vectors(int length)
    {
        var span = Grow(ref _vectors, length).AsSpan(0, length);
        span.Clear();
        return span;
    }

    private static T[] Grow(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new T[Math.Max(length, (int)Math.Min(int.MaxValue, buffer.Length * 3L / 2))];
        return buffer;
    }
}
