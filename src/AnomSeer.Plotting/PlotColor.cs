using System.Globalization;

namespace AnomSeer.Plotting;

/// <summary>An sRGB colour with straight (not premultiplied) alpha, 8 bits per channel.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
/// <param name="A">Alpha (opacity), 0 = transparent, 255 = opaque.</param>
public readonly record struct PlotColor(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>matplotlib's <c>steelblue</c>, <c>#4682B4</c>: the line colour of the AnomLLM and VisualTimeAnomaly figures (spec c.1, c.2).</summary>
    public static PlotColor SteelBlue => new(0x46, 0x82, 0xB4);

    /// <summary>Opaque black.</summary>
    public static PlotColor Black => new(0, 0, 0);

    /// <summary>Opaque white.</summary>
    public static PlotColor White => new(255, 255, 255);

    /// <summary>The same colour with opacity <paramref name="alpha"/> in [0, 1] (rounded to the nearest 1/255).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside [0, 1] or NaN.</exception>
    public PlotColor WithOpacity(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Opacity must lie in [0, 1].");
        return this with { A = (byte)Math.Round(alpha * 255, MidpointRounding.AwayFromZero) };
    }

    /// <summary>Parses <c>#RRGGBB</c> or <c>#RRGGBBAA</c> (the leading <c>#</c> is optional, case-insensitive).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hex"/> is null.</exception>
    /// <exception cref="FormatException">The text is not 6 or 8 hexadecimal digits.</exception>
    public static PlotColor Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.AsSpan().Trim();
        if (s.StartsWith("#")) s = s[1..];
        if ((s.Length != 6 && s.Length != 8) || !uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v))
            throw new FormatException($"'{hex}' is not a colour of the form #RRGGBB or #RRGGBBAA.");
        if (s.Length == 6) v = (v << 8) | 0xFF;
        return new PlotColor((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>Formats as <c>#RRGGBB</c>, or <c>#RRGGBBAA</c> when not opaque.</summary>
    public override string ToString() =>
        A == 255 ? $"#{R:X2}{G:X2}{B:X2}" : $"#{R:X2}{G:X2}{B:X2}{A:X2}";

    internal uint ToPackedArgb() => ((uint)A << 24) | ((uint)R << 16) | ((uint)G << 8) | B;
}
