using SkiaSharp;

namespace AnomSeer.Plotting.Tests;

/// <summary>PNG, raw RGBA and the float tensor carry the same image.</summary>
public class OutputTests
{
    private static readonly TimeSeriesPlotRenderer Renderer = new();

    [Fact]
    public void Png_decodes_to_the_rendered_pixels()
    {
        var plot = Renderer.Render(TestSeries.Noisy(1000, 3));
        var png = plot.EncodePng();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((plot.Width, plot.Height), (decoded.Width, decoded.Height));
        for (int y = 0; y < plot.Height; y += 3)
        for (int x = 0; x < plot.Width; x++)
        {
            var c = decoded.GetPixel(x, y);
            Assert.Equal(plot.GetPixel(x, y), new PlotColor(c.Red, c.Green, c.Blue, c.Alpha));
        }
    }

    [Fact]
    public void Raw_rgba_into_a_buffer_equals_the_rendered_pixels()
    {
        var values = TestSeries.Noisy(1000, 4);
        var buffer = new byte[1000 * 150 * 4];
        var layout = Renderer.RenderRgba(values, buffer);
        Assert.Equal(Renderer.Render(values).Rgba.ToArray(), buffer);
        Assert.Equal(Renderer.ComputeLayout(values).PlotArea, layout.PlotArea);
        var ex = Assert.Throws<ArgumentException>(() => Renderer.RenderRgba(values, new byte[10]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Rgb_tensor_is_channel_major_bytes_over_255()
    {
        var plot = Renderer.Render(TestSeries.Noisy(1000, 5));
        var t = plot.ToTensor();
        int w = plot.Width, h = plot.Height;
        Assert.Equal(3 * h * w, t.Length);
        var rgba = plot.Rgba;
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            int p = (y * w + x) * 4;
            for (int c = 0; c < 3; c++)
                Assert.True(Math.Abs(rgba[p + c] / 255.0 - t[c * h * w + y * w + x]) < 1e-6);
        }
        Assert.Equal(t, Renderer.RenderTensor(TestSeries.Noisy(1000, 5)));
    }

    [Fact]
    public void Grayscale_tensor_is_itu601_luma()
    {
        var plot = Renderer.Render(TestSeries.Noisy(1000, 6));
        var t = plot.ToTensor(TensorColorMode.Grayscale);
        Assert.Equal(plot.Width * plot.Height, t.Length);
        var rgba = plot.Rgba;
        for (int i = 0; i < t.Length; i++)
        {
            double luma = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
            Assert.InRange(t[i] * 255.0, luma - 1.0, luma + 1.0);
            Assert.InRange(t[i], 0f, 1f);
        }
        var span = new float[t.Length];
        plot.CopyTensorTo(span, TensorColorMode.Grayscale);
        Assert.Equal(t, span);
        Assert.Throws<ArgumentException>(() => plot.CopyTensorTo(new float[3], TensorColorMode.Grayscale));
    }

    [Fact]
    public void SavePng_writes_the_encoded_bytes_and_leaves_no_temporary_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"plot-{Guid.NewGuid():N}");
        try
        {
            var plot = Renderer.Render(TestSeries.Sine(1000));
            string path = Path.Combine(dir, "sub", "a.png");
            plot.SavePng(path);
            plot.SavePng(path); // overwrite
            Assert.Equal(plot.EncodePng(), File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "sub")));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Float_and_TimeSeries_inputs_draw_the_same_image()
    {
        var values = TestSeries.Sine(1000).Select(v => (double)(float)v).ToArray();
        var a = Renderer.Render(values).Rgba.ToArray();
        Assert.Equal(a, Renderer.Render(values.Select(v => (float)v).ToArray().AsSpan()).Rgba.ToArray());
        Assert.Equal(a, Renderer.Render(new TimeSeries(values)).Rgba.ToArray());
    }
}
