using System.Buffers;
using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Draws a computed layout: background, optional shading, then the lines (into <c>pixels</c>, the canvas's own raster memory),
/// then axes frames, ticks and labels on top.
/// </summary>
internal static class PlotPainter
{
    internal static void Paint(SKCanvas canvas, Span<byte> pixels, ComputedLayout computed, IReadOnlyList<double[]> channels,
        IReadOnlyList<AnomalyInterval>? shaded, PlotOptions o, SKTypeface typeface)
    {
        var layout = computed.Layout;
        var s = computed.Sizes;
        canvas.Clear(ToSk(o.BackgroundColor));

        if (o.ShadeIntervals && shaded is { Count: > 0 })
        {
            using var fill = new SKPaint { Color = ToSk(o.ShadeColor), Style = SKPaintStyle.Fill, IsAntialias = o.Antialias };
            foreach (var panel in layout.Panels)
            {
                var a = panel.PlotArea;
                foreach (var iv in shaded)
                {
                    float x1 = (float)layout.IndexToPixelX(iv.Start), x2 = (float)layout.IndexToPixelX(iv.End);
                    canvas.DrawRect(new SKRect(Math.Max(x1, a.Left), a.Top, Math.Min(x2, a.Right), a.Bottom), fill);
                }
            }
        }

        // The data lines: rasterised in managed code straight into the pixel buffer (see PolylineRasterizer).
        var maxArea = layout.Panels.Max(p => p.PlotArea.Width * p.PlotArea.Height);
        var coverage = ArrayPool<float>.Shared.Rent(maxArea);
        try
        {
            for (int c = 0; c < layout.Panels.Count; c++)
            {
                var panel = layout.Panels[c];
                var raster = new PolylineRasterizer(panel.PlotArea, o.Antialias ? s.LineWidth : Math.Max(1, MathF.Round(s.LineWidth)), coverage);
                LineTracer.Trace(channels[c], layout, panel, raster);
                raster.Composite(pixels, layout.Width, o.LineColor, o.Antialias);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(coverage);
        }

        // Frame and ticks snapped to whole pixels like matplotlib's path snapping: crisp lines of whole-pixel width, the
        // frame just outside the plot area (rows Top − 1 and Bottom, columns Left − 1 and Right), ticks on the pixel
        // column or row that holds their exact position.
        float axisWidth = Math.Max(1, MathF.Round(s.AxisLineWidth));
        float half = axisWidth / 2;
        using var axis = new SKPaint
        {
            Color = ToSk(o.ForegroundColor), Style = SKPaintStyle.Stroke, StrokeWidth = axisWidth, IsAntialias = o.Antialias,
            StrokeCap = SKStrokeCap.Butt,
        };
        foreach (var panel in layout.Panels)
        {
            var a = panel.PlotArea;
            canvas.DrawRect(new SKRect(a.Left - half, a.Top - half, a.Right + half, a.Bottom + half), axis);
            foreach (var t in layout.XTicks)
            {
                float x = Snap(t.Pixel, axisWidth);
                canvas.DrawLine(x, a.Bottom, x, a.Bottom + s.TickLength, axis);
            }
            foreach (var t in panel.YTicks)
            {
                float y = Snap(t.Pixel, axisWidth);
                canvas.DrawLine(a.Left - s.TickLength, y, a.Left, y, axis);
            }
        }

        if (computed.Labels.Count > 0)
        {
            using var font = FontProvider.CreateFont(typeface, s.FontSize, o.Antialias);
            using var ink = new SKPaint { Color = ToSk(o.ForegroundColor), IsAntialias = o.Antialias, Style = SKPaintStyle.Fill };
            foreach (var l in computed.Labels)
                canvas.DrawText(l.Text, l.OriginX, l.BaselineY, SKTextAlign.Left, font, ink);
        }
    }

    private static SKColor ToSk(PlotColor c) => new(c.R, c.G, c.B, c.A);

    /// <summary>The centre of the whole-pixel line of <paramref name="width"/> pixels that holds <paramref name="position"/>.</summary>
    private static float Snap(double position, float width) =>
        width % 2 == 1 ? MathF.Floor((float)position) + 0.5f : MathF.Round((float)position);
}
