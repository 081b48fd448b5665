using System.Buffers.Binary;
using RenderPlot;

namespace AnomSeer.Samples.Tests;

public class RenderPlotTests
{
    [Fact]
    public void Writes_a_1000_by_150_png_and_reports_the_layout()
    {
        using var tmp = new TempFolder();
        string png = Path.Combine(tmp.Path, "plot.png");
        var (code, output, error) = SampleRun.Capture((o, e) => RenderPlotSample.Run([png, "--shade"], o, e));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains($"wrote {png}: 1000×150 px", output);
        Assert.Contains("x ticks 0, 200, 400, 600, 800, 1000", output);
        Assert.Matches(@"spike at index 300 → column \d+", output);

        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(150, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.Single(Directory.GetFiles(tmp.Path)); // written atomically: no temporary file left
    }

    [Fact]
    public void Without_an_output_path_prints_the_usage_and_returns_2()
    {
        var (code, output, error) = SampleRun.Capture((o, e) => RenderPlotSample.Run([], o, e));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("usage: RenderPlot <output.png>", error);
    }
}
