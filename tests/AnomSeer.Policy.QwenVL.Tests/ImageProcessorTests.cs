using AnomSeer.Policy.QwenVL.Processing;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>smart_resize golden values (spec §3.2), hand-computed Pillow bicubic outputs, patch order and normalisation.</summary>
public class ImageProcessorTests
{
    [Theory]
    [InlineData(480, 640, 12_845_056, 476, 644)]
    [InlineData(1080, 1920, 12_845_056, 1092, 1932)]
    [InlineData(1080, 1920, 1_003_520, 728, 1316)]
    [InlineData(224, 224, 12_845_056, 224, 224)]
    [InlineData(100, 100, 12_845_056, 112, 112)]
    [InlineData(30, 40, 12_845_056, 56, 84)]
    [InlineData(42, 70, 12_845_056, 56, 56)] // half-to-even: 1.5 → 2 and 2.5 → 2
    [InlineData(2000, 3000, 12_845_056, 1988, 2996)]
    [InlineData(4000, 6000, 12_845_056, 2912, 4368)]
    [InlineData(375, 500, 12_845_056, 364, 504)]
    [InlineData(14, 1000, 12_845_056, 28, 1008)] // the newer algorithm's max(factor, …) clamp
    public void SmartResize_MatchesTheSpecTable(int h, int w, int maxPixels, int expectedH, int expectedW)
    {
        Assert.Equal((expectedH, expectedW), SmartResize.Compute(h, w, 28, 3136, maxPixels));
    }

    [Fact]
    public void SmartResize_RejectsAspectRatiosAbove200()
    {
        Assert.Throws<ArgumentException>(() => SmartResize.Compute(10, 2001));
    }

    [Fact]
    public void PillowBicubic_Downscale4To2_HandComputed()
    {
        // Weights (normalised) 0.45868, 0.45868, 0.11983, -0.03719 and mirrored: 32.07 → 32, 143.22 → 143.
        var output = PillowBicubic.Resize([10, 50, 100, 200], 4, 1, 1, 2, 1);
        Assert.Equal(new byte[] { 32, 143 }, output);
    }

    [Fact]
    public void PillowBicubic_Upscale2To4_HandComputed_ClipsAndRounds()
    {
        // Weights (1.0882, -0.0882), (0.7929, 0.2071), mirrored: -17.6 → 0, 41.4 → 41, 158.6 → 159, 217.6 → 218.
        var output = PillowBicubic.Resize([0, 200], 2, 1, 1, 4, 1);
        Assert.Equal(new byte[] { 0, 41, 159, 218 }, output);
        // The vertical pass is the same kernel.
        Assert.Equal(new byte[] { 0, 41, 159, 218 }, PillowBicubic.Resize([0, 200], 1, 2, 1, 1, 4));
    }

    [Fact]
    public void PillowBicubic_ConstantImage_StaysConstant_AndSameSizeIsACopy()
    {
        var constant = Enumerable.Repeat((byte)77, 5 * 7 * 3).ToArray();
        Assert.All(PillowBicubic.Resize(constant, 7, 5, 3, 11, 3), b => Assert.Equal(77, b));
        var same = PillowBicubic.Resize(constant, 7, 5, 3, 7, 5);
        Assert.NotSame(constant, same);
        Assert.Equal(constant, same);
    }

    [Fact]
    public void PaperPipeline_1000x150Plot_Costs329VisualTokens()
    {
        var processor = new QwenImageProcessor();
        Assert.Equal((196, 1316), processor.TargetSize(150, 1000));
        var processed = processor.Process(new byte[150 * 1000 * 3], 1000, 150);
        Assert.Equal(new Modeling.ImageGrid(1, 14, 94), processed.Grid);
        Assert.Equal(329, processed.Grid.Tokens(2));
        Assert.Equal(1316 * 1176, processed.PixelValues.Length);
    }

    [Fact]
    public void Patchify_OrderAndColumns_FollowTheSpec_WithBothTemporalFramesEqual()
    {
        // 56×84 image (already a multiple of 28, above min_pixels): no resize. Pixel (y, x, c) = (y·84 + x + 50·c) mod 256.
        int h = 56, w = 84;
        var rgb = new byte[h * w * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++) rgb[(y * w + x) * 3 + c] = (byte)((y * w + x + 50 * c) % 256);
        var processor = new QwenImageProcessor(new QwenImageProcessorOptions { PaperPreScale = false });
        var p = processor.Process(rgb, w, h);
        Assert.Equal(new Modeling.ImageGrid(1, 4, 6), p.Grid);
        (int Row, int Col)[] order = [(0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (0, 3), (1, 2), (1, 3)];
        float Expected(int row, int col, int c, int py, int px)
        {
            int v = ((row * 14 + py) * w + col * 14 + px + 50 * c) % 256;
            float x = (float)(v * (1.0 / 255.0));
            return (x - (float)processor.Options.ImageMean[c]) / (float)processor.Options.ImageStd[c];
        }
        for (int n = 0; n < order.Length; n++)
            foreach (var (c, tp, py, px) in new[] { (0, 0, 0, 0), (2, 1, 13, 5), (1, 0, 7, 13), (1, 1, 7, 13) })
            {
                int column = ((c * 2 + tp) * 14 + py) * 14 + px;
                Assert.Equal(Expected(order[n].Row, order[n].Col, c, py, px), p.PixelValues[n * 1176 + column]);
            }
    }

    [Fact]
    public void Normalisation_OfWhite_IsOneMinusMeanOverStd()
    {
        var processor = new QwenImageProcessor(new QwenImageProcessorOptions { PaperPreScale = false });
        var p = processor.Process(Enumerable.Repeat((byte)255, 56 * 56 * 3).ToArray(), 56, 56);
        Assert.Equal((1f - 0.48145466f) / 0.26862954f, p.PixelValues[0], 6);
        Assert.Equal((1f - 0.40821073f) / 0.27577711f, p.PixelValues[2 * 392], 6);
    }

    [Fact]
    public void PlotImage_IsReadBackTo8BitsWithoutAPngRoundTrip()
    {
        var gray = new PlotImage([0f, 1f, 0.5f, 128f / 255f], 1, 2, 2, 10, 0, 1);
        Assert.Equal(new byte[] { 0, 0, 0, 255, 255, 255, 128, 128, 128, 128, 128, 128 }, QwenImageProcessor.ToRgb(gray));
        var rgba = new PlotImage([0f, 0f, 0f, 0.5f], 4, 1, 1, 10, 0, 1); // black at half alpha over white
        Assert.Equal(new byte[] { 128, 128, 128 }, QwenImageProcessor.ToRgb(rgba));
    }
}
