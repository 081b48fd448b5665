namespace AnomSeer.Plotting.Tests;

public class DeterminismTests
{
    [Fact]
    public void Same_input_and_options_give_byte_identical_png()
    {
        var values = TestSeries.Noisy(1000, seed: 11);
        var first = new TimeSeriesPlotRenderer().RenderPng(values);
        var second = new TimeSeriesPlotRenderer(new PlotOptions()).RenderPng(values.ToArray());
        Assert.Equal(first, second);
        // ...and a different series gives different bytes (the comparison above can fail).
        Assert.NotEqual(first, new TimeSeriesPlotRenderer().RenderPng(TestSeries.Noisy(1000, seed: 12)));
    }

    [Fact]
    public void Parallel_rendering_gives_the_serial_bytes()
    {
        var renderer = new TimeSeriesPlotRenderer();
        var inputs = Enumerable.Range(0, 24).Select(i => TestSeries.Noisy(1000, seed: i)).ToArray();
        var serial = inputs.Select(v => renderer.RenderPng(v)).ToArray();
        var parallel = new byte[inputs.Length][];
        Parallel.For(0, inputs.Length * 3, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            int i = k % inputs.Length;
            var png = renderer.RenderPng(inputs[i]);
            lock (parallel)
            {
                if (parallel[i] is null) parallel[i] = png;
                else Assert.Equal(parallel[i], png);
            }
        });
        for (int i = 0; i < inputs.Length; i++) Assert.Equal(serial[i], parallel[i]);
    }
}
