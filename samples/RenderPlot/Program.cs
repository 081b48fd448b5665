// Renders a length-1000 series with a single-point spike and a level shift to the PNG path given on the command line,
// with the paper's default look (1000 × 150 px, steelblue, y fixed to (−1, 1), x ticks 0…1000).
// Usage: dotnet run --project samples/RenderPlot -- out.png [--shade]
// The logic is in RenderPlotSample.cs (callable in-process; the samples' smoke tests run it).
return RenderPlot.RenderPlotSample.Run(args, Console.Out, Console.Error);
