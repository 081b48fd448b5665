using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>Measures tick labels with the plot's font: advance width and ink bounds relative to the text origin.</summary>
internal sealed class TextMetrics
{
    private readonly SKFont _font;

    internal TextMetrics(SKFont font)
    {
        _font = font;
        _font.MeasureText("0123456789", out var digits);
        DigitHeight = -digits.Top;
    }

    /// <summary>Height of the digits above the baseline, in pixels (labels are centred on it).</summary>
    internal float DigitHeight { get; }

    /// <summary>Advance width of <paramref name="text"/> and its ink bounds relative to a left-aligned origin on the baseline.</summary>
    internal float Measure(string text, out SKRect inkBounds) => _font.MeasureText(text, out inkBounds);
}
