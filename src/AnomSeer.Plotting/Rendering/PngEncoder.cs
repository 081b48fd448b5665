using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Encodes an opaque RGBA buffer to an RGB PNG with Skia's libpng encoder, deterministic for a given input and level.
/// Every row uses the "Sub" filter: on plots (long runs of background) it compresses about as well as libpng's adaptive
/// choice among all five filters at a fraction of the time.
/// </summary>
internal static class PngEncoder
{
    internal static unsafe byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int zlibLevel)
    {
        using var data = EncodeToData(rgba, width, height, zlibLevel);
        return data.ToArray();
    }

    internal static unsafe void Encode(ReadOnlySpan<byte> rgba, int width, int height, int zlibLevel, Stream destination)
    {
        using var data = EncodeToData(rgba, width, height, zlibLevel);
        data.SaveTo(destination);
    }

    private static unsafe SKData EncodeToData(ReadOnlySpan<byte> rgba, int width, int height, int zlibLevel)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        fixed (byte* p = rgba)
        {
            using var pixmap = new SKPixmap(info, (IntPtr)p, width * 4);
            return pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zlibLevel))
                ?? throw new InvalidOperationException("Skia's PNG encoder returned no data.");
        }
    }
}
