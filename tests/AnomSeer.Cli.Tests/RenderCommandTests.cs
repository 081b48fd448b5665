using AnomSeer.Plotting;

namespace AnomSeer.Cli.Tests;

public class RenderCommandTests
{
    [Fact]
    public void Renders_a_csv_series_to_a_png_of_the_requested_size()
    {
        using var tmp = new TempFolder();
        var (csv, values) = TestData.WriteSpikeCsv(tmp.Path);
        string png = Path.Combine(tmp.Path, "out", "plot.png");
        var (code, stdout, stderr) = CliRunner.Run("render", "--input", csv, "--out", png, "--width", "640", "--height", "120");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("400 points", stdout);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal((640, 120), TestData.PngSize(bytes));
        // CSV series are autoscaled: the same bytes as the renderer with YAxisMode.Auto.
        var expected = new TimeSeriesPlotRenderer(new PlotOptions { Width = 640, Height = 120, YAxisMode = YAxisMode.Auto }).RenderPng(values);
        Assert.Equal(expected, bytes);
        Assert.Equal([png], Directory.GetFiles(Path.Combine(tmp.Path, "out"))); // no temporary file left
    }

    [Fact]
    public void Renders_the_chosen_jsonl_sample_with_its_intervals_shaded()
    {
        using var tmp = new TempFolder();
        var samples = TestData.AnomLlmSamples();
        string jsonl = TestData.WriteJsonl(tmp.Path, samples);
        var sample = samples[2];
        string png = Path.Combine(tmp.Path, "s.png");
        var (code, stdout, stderr) = CliRunner.Run("render", "--jsonl", jsonl, "--id", sample.Id, "--shade", "--out", png);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains(sample.Id, stdout);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal((PlotOptions.Defaults.Width, PlotOptions.Defaults.Height), TestData.PngSize(bytes));
        // AnomLLM samples keep the fixed (-1, 1) range of their figures.
        var expected = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Fixed, ShadeIntervals = true }).RenderPng(sample.AsSpan(), sample.Intervals);
        Assert.Equal(expected, bytes);

        // Without --id the first sample is drawn; --auto-y autoscales it.
        (code, _, stderr) = CliRunner.Run("render", "--jsonl", jsonl, "--auto-y", "--out", png);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto }).RenderPng(samples[0].AsSpan()), File.ReadAllBytes(png));
    }

    [Fact]
    public void Errors_are_one_line_with_the_right_exit_code()
    {
        using var tmp = new TempFolder();
        string png = Path.Combine(tmp.Path, "p.png");
        TestData.AssertOneErrorLine(1, CliRunner.Run("render", "--input", Path.Combine(tmp.Path, "missing.csv"), "--out", png), "missing.csv");
        TestData.AssertOneErrorLine(1, CliRunner.Run("render", "--input", TestData.WriteMalformedCsv(tmp.Path), "--out", png), "line 3");
        string jsonl = TestData.WriteJsonl(tmp.Path, TestData.AnomLlmSamples().Take(1));
        TestData.AssertOneErrorLine(1, CliRunner.Run("render", "--jsonl", jsonl, "--id", "nope", "--out", png), "no sample with id 'nope'");
        TestData.AssertOneErrorLine(2, CliRunner.Run("render", "--jsonl", jsonl, "--input", jsonl, "--out", png), "exactly one of");
        TestData.AssertOneErrorLine(2, CliRunner.Run("render", "--jsonl", jsonl, "--out", png, "--width", "3"), "--width");
        TestData.AssertOneErrorLine(2, CliRunner.Run("render", "--jsonl", jsonl, "--out", png, "--colour", "red"), "--colour");
        Assert.False(File.Exists(png));
    }
}
