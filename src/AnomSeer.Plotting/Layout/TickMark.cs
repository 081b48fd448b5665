namespace AnomSeer.Plotting;

/// <summary>One labelled tick of an axis.</summary>
/// <param name="Value">The data value at the tick (a time index on the x-axis, a series value on the y-axis).</param>
/// <param name="Label">The text drawn next to it (invariant culture, U+2212 as minus sign, like matplotlib).</param>
/// <param name="Pixel">Pixel coordinate of the tick: an x coordinate on the x-axis, a y coordinate on the y-axis.</param>
/// <param name="LabelBounds">The pixels the label's glyphs can touch (anti-aliasing included); empty when labels are hidden.</param>
public readonly record struct TickMark(double Value, string Label, double Pixel, PixelRect LabelBounds);
