namespace AnomSeer.Benchmarks.Plotting;

/// <summary>Deterministic inputs of the plotting benchmarks.</summary>
internal static class PlotBenchmarkData
{
    /// <summary>A noisy sine in (−1, 1) with a spike at 30 % and a level shift over 62–70 % of the length.</summary>
    internal static double[] SpikeAndShift(int n)
    {
        var rng = new Random(7);
        var v = new double[n];
        for (int t = 0; t < n; t++) v[t] = 0.4 * Math.Sin(2 * Math.PI * 20.0 * t / n) + 0.1 * (rng.NextDouble() - 0.5);
        v[(int)(0.3 * n)] = 0.95;
        for (int t = (int)(0.62 * n); t < (int)(0.7 * n); t++) v[t] -= 0.45;
        return v;
    }

    /// <summary>Writes the library's embedded DejaVu Sans to a temporary file (for the ScottPlot baseline) and returns its path.</summary>
    internal static string WriteEmbeddedFontToTempFile()
    {
        var asm = typeof(AnomSeer.Plotting.TimeSeriesPlotRenderer).Assembly;
        using var s = asm.GetManifestResourceStream(AnomSeer.Plotting.Rendering.FontProvider.EmbeddedFontResource)
            ?? throw new InvalidOperationException("Embedded font missing.");
        string path = Path.Combine(Path.GetTempPath(), $"anomseer-bench-{Guid.NewGuid():N}.ttf");
        using var f = File.Create(path);
        s.CopyTo(f);
        return path;
    }
}
