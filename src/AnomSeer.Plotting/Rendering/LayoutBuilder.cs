using SkiaSharp;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Computes the plot geometry like matplotlib's <c>tight_layout</c>: outer padding, then tick labels, tick gap and tick
/// length, then the plot areas (one per channel, stacked, sharing the x-axis), snapped to whole pixels.
/// </summary>
internal static class LayoutBuilder
{
    internal static ComputedLayout Build(PlotOptions o, TextMetrics text, IReadOnlyList<double[]> channels, int length)
    {
        var s = PixelSizes.From(o);
        double ptPerPx = 72.0 / o.Dpi;
        bool labels = o.ShowTickLabels;
        int n = channels.Count;

        // Vertical: reserve half a label above (the top y label is centred on the top edge) and the x labels below.
        float top = s.OuterPad + (labels ? text.DigitHeight / 2 : 0);
        float bottom = s.OuterPad + s.TickLength + (labels ? s.TickPad + text.DigitHeight : 0);
        int areaTop = (int)Math.Ceiling(top);
        int areaBottom = (int)Math.Floor(o.Height - bottom);
        double panelHeight = (areaBottom - areaTop - (n - 1) * (double)s.PanelGap) / n;
        if (panelHeight < 4)
            throw new ArgumentException($"Height {o.Height} px leaves {panelHeight:0.#} px per panel for {n} channel(s); at least 4 px are needed.", nameof(o.Height));

        var panelRows = new (int Top, int Bottom)[n];
        var yLimits = new (double Min, double Max)[n];
        var yTickValues = new double[n][];
        var yTickLabels = new string[n][];
        float maxYLabelAdvance = 0;
        for (int c = 0; c < n; c++)
        {
            int pt = areaTop + (int)Math.Round(c * (panelHeight + s.PanelGap));
            int pb = areaTop + (int)Math.Round(c * (panelHeight + s.PanelGap) + panelHeight);
            panelRows[c] = (pt, pb);
            yLimits[c] = YRange.For(o, channels[c], c);
            int bins = TickLocator.BinsFor((pb - pt) * ptPerPx, o.FontSizePoints, 2);
            yTickValues[c] = TickLocator.Ticks(yLimits[c].Min, yLimits[c].Max, bins);
            yTickLabels[c] = TickFormatter.Format(yTickValues[c]);
            if (labels)
                foreach (string l in yTickLabels[c]) maxYLabelAdvance = Math.Max(maxYLabelAdvance, text.Measure(l, out _));
        }

        // Horizontal: y labels on the left; the last x label may stick out on the right and the first on the left.
        double span = length;
        double xMin = -o.XMarginFraction * span, xMax = span + o.XMarginFraction * span;
        float left = s.OuterPad + s.TickLength + (labels ? s.TickPad + maxYLabelAdvance : 0);
        float right0 = o.Width - s.OuterPad;
        int bins0 = TickLocator.BinsFor((right0 - left) * ptPerPx, o.FontSizePoints, 3);
        double[] xTicks = TickLocator.Ticks(xMin, xMax, bins0);
        string[] xLabels = TickFormatter.Format(xTicks);
        float right = right0;
        if (labels && xTicks.Length > 0)
        {
            float firstHalf = text.Measure(xLabels[0], out _) / 2;
            float firstPx = (float)(left + (xTicks[0] - xMin) / (xMax - xMin) * (right0 - left));
            left = Math.Max(left, left + (s.OuterPad - (firstPx - firstHalf)));
            float lastHalf = text.Measure(xLabels[^1], out _) / 2;
            float lastPx = (float)(left + (xTicks[^1] - xMin) / (xMax - xMin) * (right0 - left));
            right = Math.Min(right0, right0 - (lastPx + lastHalf - right0));
        }
        int areaLeft = (int)Math.Ceiling(left);
        int areaRight = (int)Math.Floor(right);
        if (areaRight - areaLeft < 8)
            throw new ArgumentException($"Width {o.Width} px leaves {areaRight - areaLeft} px for the plot area; at least 8 are needed.", nameof(o.Width));

        var placements = new List<LabelPlacement>();
        var panels = new PanelLayout[n];
        for (int c = 0; c < n; c++)
        {
            var area = new PixelRect(areaLeft, panelRows[c].Top, areaRight, panelRows[c].Bottom);
            var ticks = new TickMark[yTickValues[c].Length];
            for (int i = 0; i < ticks.Length; i++)
            {
                double v = yTickValues[c][i];
                double py = area.Bottom - (v - yLimits[c].Min) / (yLimits[c].Max - yLimits[c].Min) * area.Height;
                var bounds = default(PixelRect);
                if (labels)
                {
                    float adv = text.Measure(yTickLabels[c][i], out var ink);
                    float ox = areaLeft - s.TickLength - s.TickPad - adv;
                    float by = (float)py + text.DigitHeight / 2;
                    placements.Add(new LabelPlacement(yTickLabels[c][i], ox, by));
                    bounds = InkRect(ink, ox, by);
                }
                ticks[i] = new TickMark(v, yTickLabels[c][i], py, bounds);
            }
            panels[c] = new PanelLayout(c, area, yLimits[c].Min, yLimits[c].Max, ticks);
        }

        var xMarks = new TickMark[xTicks.Length];
        int lastBottom = panelRows[n - 1].Bottom;
        for (int i = 0; i < xMarks.Length; i++)
        {
            double px = areaLeft + (xTicks[i] - xMin) / (xMax - xMin) * (areaRight - areaLeft);
            var bounds = default(PixelRect);
            if (labels)
            {
                float adv = text.Measure(xLabels[i], out var ink);
                float ox = (float)px - adv / 2;
                float by = lastBottom + s.TickLength + s.TickPad + text.DigitHeight;
                placements.Add(new LabelPlacement(xLabels[i], ox, by));
                bounds = InkRect(ink, ox, by);
            }
            xMarks[i] = new TickMark(xTicks[i], xLabels[i], px, bounds);
        }

        bool decimated = length > o.DecimationPointsPerColumn * (areaRight - areaLeft);
        var layout = new PlotLayout(o.Width, o.Height, length, xMin, xMax, xMarks, panels, decimated);
        return new ComputedLayout(layout, placements, s);
    }

    /// <summary>The pixels a glyph run with <paramref name="ink"/> bounds at this origin can touch, one pixel of anti-aliasing included.</summary>
    private static PixelRect InkRect(SKRect ink, float originX, float baselineY) =>
        PixelRect.CoveringReal(originX + ink.Left, baselineY + ink.Top, originX + ink.Right, baselineY + ink.Bottom).Inflate(1);
}
