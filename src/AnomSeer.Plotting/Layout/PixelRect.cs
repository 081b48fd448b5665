namespace AnomSeer.Plotting;

/// <summary>
/// A rectangle of whole pixels: columns <c>[Left, Right)</c> and rows <c>[Top, Bottom)</c>, origin at the top-left corner
/// of the image, y growing downwards.
/// </summary>
/// <param name="Left">First column inside.</param>
/// <param name="Top">First row inside.</param>
/// <param name="Right">First column past the right edge.</param>
/// <param name="Bottom">First row past the bottom edge.</param>
public readonly record struct PixelRect(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Number of columns, <c>Right − Left</c>.</summary>
    public int Width => Right - Left;

    /// <summary>Number of rows, <c>Bottom − Top</c>.</summary>
    public int Height => Bottom - Top;

    /// <summary>Whether there is no pixel inside.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Whether pixel (<paramref name="x"/>, <paramref name="y"/>) lies inside.</summary>
    public bool Contains(int x, int y) => x >= Left && x < Right && y >= Top && y < Bottom;

    /// <summary>The rectangle grown by <paramref name="pixels"/> on every side (shrunk when negative).</summary>
    public PixelRect Inflate(int pixels) => new(Left - pixels, Top - pixels, Right + pixels, Bottom + pixels);

    /// <summary>The smallest whole-pixel rectangle that covers the real rectangle with the given edges.</summary>
    internal static PixelRect CoveringReal(double left, double top, double right, double bottom) =>
        new((int)Math.Floor(left), (int)Math.Floor(top), (int)Math.Ceiling(right), (int)Math.Ceiling(bottom));
}
