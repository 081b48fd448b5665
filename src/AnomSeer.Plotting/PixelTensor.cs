namespace AnomSeer.Plotting;

/// <summary>Converts RGBA pixel buffers to the <c>[C, H, W]</c> float layout vision encoders take, values in [0, 1].</summary>
public static class PixelTensor
{
    /// <summary>Number of channels of a tensor in <paramref name="mode"/>: 3 for RGB, 1 for grayscale.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown <paramref name="mode"/>.</exception>
    public static int ChannelCount(TensorColorMode mode) => mode switch
    {
        TensorColorMode.Rgb => 3,
        TensorColorMode.Grayscale => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown TensorColorMode."),
    };

    /// <summary>
    /// Writes the <c>[C, H, W]</c> tensor of an RGBA image (row-major, 4 bytes per pixel; alpha ignored) into
    /// <paramref name="destination"/>, which must hold exactly <c>C·H·W</c> floats.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is not positive, or unknown mode.</exception>
    /// <exception cref="ArgumentException">A buffer has the wrong length.</exception>
    public static void FromRgba(ReadOnlySpan<byte> rgba, int width, int height, TensorColorMode mode, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int channels = ChannelCount(mode);
        int plane = width * height;
        if (rgba.Length != plane * 4)
            throw new ArgumentException($"Expected {plane * 4} RGBA bytes for {width}×{height}, got {rgba.Length}.", nameof(rgba));
        if (destination.Length != plane * channels)
            throw new ArgumentException($"Expected a destination of {plane * channels} floats ([{channels}, {height}, {width}]), got {destination.Length}.", nameof(destination));

        const float inv = 1f / 255f;
        if (mode == TensorColorMode.Rgb)
        {
            var r = destination[..plane];
            var g = destination.Slice(plane, plane);
            var b = destination.Slice(2 * plane, plane);
            for (int i = 0, j = 0; i < plane; i++, j += 4)
            {
                r[i] = rgba[j] * inv;
                g[i] = rgba[j + 1] * inv;
                b[i] = rgba[j + 2] * inv;
            }
        }
        else
        {
            for (int i = 0, j = 0; i < plane; i++, j += 4)
                destination[i] = Luma(rgba[j], rgba[j + 1], rgba[j + 2]) * inv;
        }
    }

    /// <summary>The <c>[C, H, W]</c> tensor of an RGBA image as a new array; see <see cref="FromRgba(ReadOnlySpan{byte}, int, int, TensorColorMode, Span{float})"/>.</summary>
    public static float[] FromRgba(ReadOnlySpan<byte> rgba, int width, int height, TensorColorMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var t = new float[ChannelCount(mode) * width * height];
        FromRgba(rgba, width, height, mode, t);
        return t;
    }

    /// <summary>8-bit luma with ITU-R 601 weights in 16-bit fixed point (Pillow's <c>convert("L")</c>).</summary>
    internal static int Luma(byte r, byte g, byte b) => (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
}
