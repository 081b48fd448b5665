using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Turns one channel into the polyline that is stroked: every point when it fits, otherwise per pixel column the first,
/// minimum, maximum and last value (in time order), so that no extreme is lost. NaN values break the line.
/// </summary>
internal static class LinePathBuilder
{
    // Keep coordinates of far out-of-range values finite for Skia; the plot-area clip hides them anyway.
    private const float Guard = 1e5f;

    internal static SKPath Build(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel)
    {
        return layout.IsDecimated ? BuildDecimated(values, layout, panel) : BuildFull(values, layout, panel);
    }

    private static SKPath BuildFull(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel)
    {
        var path = new SKPath();
        bool open = false;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) { open = false; continue; }
            float x = (float)layout.IndexToPixelX(i);
            float y = Y(panel, v);
            if (open) path.LineTo(x, y);
            else { path.MoveTo(x, y); open = true; }
        }
        return path;
    }

    private static SKPath BuildDecimated(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel)
    {
        var path = new SKPath();
        double x0 = layout.IndexToPixelX(0);
        double dx = layout.IndexToPixelX(1) - x0;
        bool open = false;
        int i = 0;
        while (i < values.Length)
        {
            int column = (int)Math.Floor(x0 + i * dx);
            int end = i + 1;
            while (end < values.Length && (int)Math.Floor(x0 + end * dx) == column) end++;

            // One column: first, min, max, last finite values and where min and max occur.
            int first = -1, last = -1, argMin = -1, argMax = -1;
            for (int k = i; k < end; k++)
            {
                double v = values[k];
                if (double.IsNaN(v))
                {
                    if (first >= 0) { Emit(path, ref open, column, panel, values, first, argMin, argMax, last); first = -1; }
                    open = false;
                    continue;
                }
                if (first < 0) { first = k; argMin = k; argMax = k; }
                if (v < values[argMin]) argMin = k;
                if (v > values[argMax]) argMax = k;
                last = k;
            }
            if (first >= 0) Emit(path, ref open, column, panel, values, first, argMin, argMax, last);
            i = end;
        }
        return path;
    }

    private static void Emit(SKPath path, ref bool open, int column, PanelLayout panel, ReadOnlySpan<double> values,
        int first, int argMin, int argMax, int last)
    {
        float x = column + 0.5f;
        (int a, int b) = argMin <= argMax ? (argMin, argMax) : (argMax, argMin);
        Span<int> order = [first, a, b, last];
        for (int j = 0; j < order.Length; j++)
        {
            float y = Y(panel, values[order[j]]);
            if (open) path.LineTo(x, y);
            else { path.MoveTo(x, y); open = true; }
        }
    }

    private static float Y(PanelLayout panel, double v) =>
        (float)Math.Clamp(panel.ValueToPixelY(v), panel.PlotArea.Top - Guard, panel.PlotArea.Bottom + Guard);
}
