namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>A grow-only host staging array, reused across calls.</summary>
internal sealed class HostBuffer<T>
{
    private T[] _array = [];

    /// <summary>A span of exactly <paramref name="length"/> elements (contents unspecified).</summary>
    public Span<T> Span(long length)
    {
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, "The batch is larger than one host array can hold; split it.");
        if (_array.Length < length)
            _array = new T[Math.Max(length, Math.Min(Array.MaxLength, _array.Length + (long)_array.Length / 2))];
        return _array.AsSpan(0, (int)length);
    }
}
