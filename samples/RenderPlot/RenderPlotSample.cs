using AnomSeer;
using AnomSeer.Plotting;

namespace RenderPlot;

/// <summary>
/// The sample's entry logic, callable in-process: renders a length-1000 series with a single-point spike and a level shift
/// to the PNG path given as the first argument, with the paper's default look (1000 × 150 px, steelblue, y fixed to (−1, 1),
/// x ticks 0…1000); <c>--shade</c> also shades the two true anomaly intervals.
/// </summary>
public static class RenderPlotSample
{
    /// <summary>Runs the sample; returns the exit code (0 on success, 2 on bad arguments).</summary>
    /// <param name="args"><c>&lt;output.png&gt; [--shade]</c>.</param>
    /// <param name="output">Where the one-line summary goes.</param>
    /// <param name="error">Where the usage line goes; <paramref name="output"/> when null.</param>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error ??= output;
        if (args.Length < 1 || args[0].StartsWith('-'))
        {
            error.WriteLine("usage: RenderPlot <output.png> [--shade]   (--shade also shades the two true anomaly intervals)");
            return 2;
        }

        const int n = 1000;
        var rng = new Random(7);
        var values = new double[n];
        for (int t = 0; t < n; t++)
        {
            double noise = 0.05 * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            values[t] = 0.4 * Math.Sin(2 * Math.PI * 0.02 * t) + noise;
        }
        values[300] = 0.95;                                   // a global point anomaly (spike) at index 300
        for (int t = 620; t < 700; t++) values[t] -= 0.45;    // a level shift over [620, 700)

        AnomalyInterval[] truth = [new(300, 301), new(620, 700)];
        var options = new PlotOptions { ShadeIntervals = args.Contains("--shade") };
        var plot = new TimeSeriesPlotRenderer(options).Render(values, truth);
        plot.SavePng(args[0]);

        var area = plot.Layout.PlotArea;
        output.WriteLine($"wrote {Path.GetFullPath(args[0])}: {plot.Width}×{plot.Height} px, plot area x [{area.Left}, {area.Right}) y [{area.Top}, {area.Bottom}), " +
                         $"x ticks {string.Join(", ", plot.Layout.XTicks.Select(t => t.Label))}; spike at index 300 → column {(int)plot.Layout.IndexToPixelX(300)}");
        return 0;
    }
}
