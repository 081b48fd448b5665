namespace AnomSeer.Benchmarks.Plotting;

/// <summary>The same figure drawn with ScottPlot 5, the library the architecture first chose, as a speed reference.</summary>
internal static class ScottPlotBaseline
{
    /// <summary>A new plot of <paramref name="values"/>, loading the font file, with the paper's look (steelblue, y in (−1, 1)).</summary>
    internal static ScottPlot.Plot Build(double[] values, string fontPath, string fontName)
    {
        ScottPlot.Fonts.AddFontFile(fontName, fontPath);
        var plot = new ScottPlot.Plot();
        var sig = plot.Add.Signal(values);
        sig.Color = ScottPlot.Color.FromHex("#4682B4");
        sig.LineWidth = 2;
        plot.Axes.SetLimits(0, values.Length, -1, 1);
        plot.Font.Set(fontName);
        return plot;
    }
}
