using AnomSeer.Plotting;
using AnomSeer.Policy.Tiny;

namespace AnomSeer.Policy.Tests;

public class AnomalyHeadTests
{
    [Fact]
    public void Targets_AreHandComputed()
    {
        var ranges = new TokenRange[] { new(0, 8), new(8, 16), new(16, 24), new(24, 28) };
        var t = AnomalyHeadTargets.Build(ranges, [new AnomalyInterval(10, 19), new AnomalyInterval(26, 27)]);
        Assert.Equal(new float[] { 0, 0, 0, 1, 0.25f, 1, 1, 0, 3f / 8, 1, 0.5f, 0.75f }, t);
    }

    [Fact]
    public void ReadIntervals_InvertsPerfectOutputs()
    {
        var ranges = Enumerable.Range(0, 8).Select(k => new TokenRange(k * 8, k * 8 + 8)).ToArray();
        var gt = new[] { new AnomalyInterval(10, 19), new AnomalyInterval(40, 48) };
        var t = AnomalyHeadTargets.Build(ranges, gt);
        var logits = t.Select((v, i) => i % 3 == 0 ? (v > 0 ? 10f : -10f) : v).ToArray();
        Assert.Equal(gt, AnomalyHeadTargets.ReadIntervals(logits, ranges, 64));
    }

    [Fact]
    public void PredictAnomalyHead_CoversEveryInputToken()
    {
        using var model = TestModels.Model();
        using var p = model.PredictAnomalyHead([TestModels.Input(1, 64), TestModels.Input(2, 40)]);
        Assert.Equal(new long[] { 2, model.Config.VisionTokens + 8, 3 }, p.Output.shape);
        Assert.Equal(model.Config.VisionTokens + 5, p.Ranges[1].Length);
        Assert.Equal(p.Ranges[1].Length, (int)p.Mask[1].sum().item<float>());
        Assert.Equal(p.Ranges[1].Length * 3, p.RowOf(1).Length);
    }

    [Fact]
    public void RenderedPlot_MapsStripsOntoTheSeries()
    {
        var series = Enumerable.Range(0, 200).Select(i => Math.Sin(i / 10.0)).ToArray();
        var plot = new TimeSeriesPlotRenderer(new PlotOptions { Width = 200, Height = 100 }).Render(series);
        var image = PlotImage.FromRenderedPlot(plot, TensorColorMode.Grayscale);
        var area = plot.Layout.PlotArea;
        Assert.Equal(0, image.PixelToIndex(area.Left), 6);
        Assert.Equal(200, image.PixelToIndex(area.Right), 6);
        var config = TestModels.Config(InputModality.Image) with { ImageHeight = 100, ImageWidth = 200, StripWidth = 4 };
        using var model = new TinyPolicyModel(config, TestModels.Tokenizer());
        var ranges = model.InputTokenRanges(new PolicyInput(image));
        Assert.Equal(50, ranges.Count);
        Assert.All(ranges, r => Assert.True(r.Start >= 0 && r.End <= 200 && r.End >= r.Start));
        Assert.Equal(200, ranges[^1].End, 6);
    }
}
