using AnomSeer.Plotting.Rendering;

namespace AnomSeer.Plotting;

/// <summary>
/// One rendered plot: its opaque RGBA pixels (row-major, 4 bytes per pixel, top row first) and the layout they were drawn
/// with. Encode it to PNG, or convert it to a float tensor, without drawing again.
/// </summary>
public sealed class RenderedPlot
{
    private readonly byte[] _rgba;
    private readonly int _pngLevel;

    internal RenderedPlot(byte[] rgba, PlotLayout layout, int pngLevel)
    {
        _rgba = rgba;
        Layout = layout;
        _pngLevel = pngLevel;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width => Layout.Width;

    /// <summary>Image height in pixels.</summary>
    public int Height => Layout.Height;

    /// <summary>The geometry: plot areas, ticks, and the index/value ↔ pixel mapping.</summary>
    public PlotLayout Layout { get; }

    /// <summary>The pixels: <c>Width·Height·4</c> bytes R, G, B, A (A is always 255), row-major from the top-left.</summary>
    public ReadOnlySpan<byte> Rgba => _rgba;

    /// <summary>The RGBA bytes of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pixel lies outside the image.</exception>
    public PlotColor GetPixel(int x, int y)
    {
        if ((uint)x >= (uint)Width) throw new ArgumentOutOfRangeException(nameof(x), x, $"Image width is {Width}.");
        if ((uint)y >= (uint)Height) throw new ArgumentOutOfRangeException(nameof(y), y, $"Image height is {Height}.");
        int i = (y * Width + x) * 4;
        return new PlotColor(_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
    }

    /// <summary>
    /// The PNG file bytes (RGB, 8 bits per channel, written by a small built-in encoder over .NET's zlib). Identical input and
    /// options give identical bytes.
    /// </summary>
    public byte[] EncodePng() => PngWriter.Encode(_rgba, Width, Height, _pngLevel);

    /// <summary>Writes the PNG file bytes to <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public void WritePng(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        PngWriter.Encode(_rgba, Width, Height, _pngLevel, destination);
    }

    /// <summary>
    /// Saves the PNG to <paramref name="path"/> atomically: written to a temporary file in the same folder, then moved over
    /// the target, so readers never see a partial file.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void SavePng(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AnomSeer.IO.AtomicFile.Write(path, WritePng);
    }

    /// <summary>The <c>[C, H, W]</c> float tensor in [0, 1], straight from the pixels (no PNG round trip).</summary>
    public float[] ToTensor(TensorColorMode mode = TensorColorMode.Rgb) => PixelTensor.FromRgba(_rgba, Width, Height, mode);

    /// <summary>Writes the <c>[C, H, W]</c> tensor into <paramref name="destination"/> (exactly <c>C·H·W</c> floats).</summary>
    public void CopyTensorTo(Span<float> destination, TensorColorMode mode = TensorColorMode.Rgb) =>
        PixelTensor.FromRgba(_rgba, Width, Height, mode, destination);
}
