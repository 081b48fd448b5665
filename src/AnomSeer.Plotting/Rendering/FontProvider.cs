using System.Collections.Concurrent;
using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Supplies the typeface: the DejaVu Sans embedded in this assembly, loaded once, or a caller's TTF file, loaded once per
/// path. System fonts are never consulted, so output does not depend on what the machine has installed.
/// </summary>
internal static class FontProvider
{
    internal const string EmbeddedFontResource = "AnomSeer.Plotting.Fonts.DejaVuSans.ttf";
    internal const string EmbeddedLicenceResource = "AnomSeer.Plotting.Fonts.DejaVuSans-LICENSE.txt";

    private static readonly Lazy<SKTypeface> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Lazy<SKTypeface>> Files = new(StringComparer.Ordinal);

    /// <summary>The embedded DejaVu Sans.</summary>
    internal static SKTypeface EmbeddedTypeface => Embedded.Value;

    /// <summary>The typeface for <paramref name="fontFile"/>, or the embedded one when it is null.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file is not a font Skia can read.</exception>
    internal static SKTypeface Get(string? fontFile)
    {
        if (fontFile is null) return EmbeddedTypeface;
        string full = Path.GetFullPath(fontFile);
        if (!File.Exists(full))
            throw new FileNotFoundException($"Font file '{full}' (PlotOptions.FontFile) does not exist.", full);
        var lazy = Files.GetOrAdd(full, p => new Lazy<SKTypeface>(() => LoadFile(p), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Files.TryRemove(full, out _);
            throw;
        }
    }

    /// <summary>A font of <paramref name="sizePixels"/> with settings that do not depend on the machine (no hinting).</summary>
    internal static SKFont CreateFont(SKTypeface typeface, float sizePixels, bool antialias) => new(typeface, sizePixels)
    {
        Hinting = SKFontHinting.None,
        Subpixel = true,
        LinearMetrics = true,
        Edging = antialias ? SKFontEdging.Antialias : SKFontEdging.Alias,
    };

    private static SKTypeface LoadEmbedded()
    {
        using var stream = typeof(FontProvider).Assembly.GetManifestResourceStream(EmbeddedFontResource)
            ?? throw new InvalidOperationException($"The embedded font resource '{EmbeddedFontResource}' is missing from {typeof(FontProvider).Assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"Skia could not read the embedded font '{EmbeddedFontResource}'.");
    }

    private static SKTypeface LoadFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var data = SKData.CreateCopy(bytes);
        var tf = SKTypeface.FromData(data);
        if (tf is null || tf.GlyphCount == 0)
            throw new ArgumentException($"'{path}' is not a font file Skia can read.", "FontFile");
        return tf;
    }
}
