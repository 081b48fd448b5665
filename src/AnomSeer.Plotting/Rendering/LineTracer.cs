namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Feeds one channel's polyline to the rasteriser: every point when it fits, otherwise per pixel column the first,
/// minimum, maximum and last value (in time order), so that no extreme is lost. NaN values break the line.
/// </summary>
internal static class LineTracer
{
    // Keep coordinates of far out-of-range values bounded; the plot-area clip hides them anyway.
    private const double Guard = 1e5;

    internal static void Trace(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel, PolylineRasterizer sink)
    {
        if (layout.IsDecimated) TraceDecimated(values, layout, panel, sink);
        else TraceFull(values, layout, panel, sink);
    }

    private static void TraceFull(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel, PolylineRasterizer sink)
    {
        bool open = false;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) { sink.Break(); open = false; continue; }
            double x = layout.IndexToPixelX(i), y = Y(panel, v);
            if (open) sink.LineTo(x, y);
            else { sink.MoveTo(x, y); open = true; }
        }
    }

    private static void TraceDecimated(ReadOnlySpan<double> values, PlotLayout layout, PanelLayout panel, PolylineRasterizer sink)
    {
        double x0 = layout.IndexToPixelX(0);
        double dx = layout.IndexToPixelX(1) - x0;
        bool open = false;
        int i = 0;
        while (i < values.Length)
        {
            int column = (int)Math.Floor(x0 + i * dx);
            int end = i + 1;
            while (end < values.Length && (int)Math.Floor(x0 + end * dx) == column) end++;

            // One column: first, min, max and last finite values, and where min and max occur.
            int first = -1, last = -1, argMin = -1, argMax = -1;
            for (int k = i; k < end; k++)
            {
                double v = values[k];
                if (double.IsNaN(v))
                {
                    if (first >= 0) { Emit(sink, ref open, column, panel, values, first, argMin, argMax, last); first = -1; }
                    sink.Break();
                    open = false;
                    continue;
                }
                if (first < 0) { first = k; argMin = k; argMax = k; }
                if (v < values[argMin]) argMin = k;
                if (v > values[argMax]) argMax = k;
                last = k;
            }
            if (first >= 0) Emit(sink, ref open, column, panel, values, first, argMin, argMax, last);
            i = end;
        }
    }

    private static void Emit(PolylineRasterizer sink, ref bool open, int column, PanelLayout panel, ReadOnlySpan<double> values,
        int first, int argMin, int argMax, int last)
    {
        double x = column + 0.5;
        (int a, int b) = argMin <= argMax ? (argMin, argMax) : (argMax, argMin);
        Span<int> order = [first, a, b, last];
        foreach (int k in order)
        {
            double y = Y(panel, values[k]);
            if (open) sink.LineTo(x, y);
            else { sink.MoveTo(x, y); sink.LineTo(x, y); open = true; }
        }
    }

    private static double Y(PanelLayout panel, double v) =>
        Math.Clamp(panel.ValueToPixelY(v), panel.PlotArea.Top - Guard, panel.PlotArea.Bottom + Guard);
}
