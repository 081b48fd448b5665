using AnomSeer.Policy.QwenVL.Modeling;

namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// Qwen2VLImageProcessor semantics (spec §3.3–§3.4) on 8-bit RGB pixels: optional paper pre-scale, smart_resize,
/// Pillow-exact bicubic, rescale by 1/255 (float64, stored float32), CLIP normalisation in float32, then patchify to
/// <c>(N, 3·2·14·14)</c> with the image duplicated into both temporal frames.
/// </summary>
public sealed class QwenImageProcessor
{
    /// <summary>Creates a processor.</summary>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public QwenImageProcessor(QwenImageProcessorOptions? options = null)
    {
        Options = options ?? new QwenImageProcessorOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public QwenImageProcessorOptions Options { get; }

    /// <summary>The size the processor feeds the patcher for an input of the given size (pre-scale, then smart_resize).</summary>
    public (int Height, int Width) TargetSize(int height, int width)
    {
        var (h, w) = PreScaledSize(height, width);
        return SmartResize.Compute(h, w, Options.PatchSize * Options.MergeSize, Options.MinPixels, Options.MaxPixels);
    }

    /// <summary>Processes an interleaved 8-bit RGB image.</summary>
    /// <param name="rgb">Row-major <c>height × width × 3</c> bytes.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rgb"/> is null.</exception>
    /// <exception cref="ArgumentException">The buffer has the wrong length, or the aspect ratio exceeds 200.</exception>
    public ProcessedImage Process(byte[] rgb, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length != (long)width * height * 3)
            throw new ArgumentException($"Expected {width}·{height}·3 bytes, got {rgb.Length}.", nameof(rgb));
        var (ph, pw) = PreScaledSize(height, width);
        var pixels = (ph, pw) == (height, width) ? rgb : PillowBicubic.Resize(rgb, width, height, 3, pw, ph);
        var (h, w) = SmartResize.Compute(ph, pw, Options.PatchSize * Options.MergeSize, Options.MinPixels, Options.MaxPixels);
        if ((h, w) != (ph, pw)) pixels = PillowBicubic.Resize(pixels, pw, ph, 3, w, h);
        return Patchify(Normalize(pixels, w, h), w, h);
    }

    /// <summary>
    /// Processes a plot as the policy reads it, without a PNG round trip: values in [0, 1] are taken back to 8 bits
    /// (rounded), one channel is repeated to RGB, a fourth channel is alpha composited over white.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image has 2 or more than 4 channels.</exception>
    public ProcessedImage Process(PlotImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Process(ToRgb(image), image.Width, image.Height);
    }

    /// <summary>The 8-bit RGB bytes of a plot image (see <see cref="Process(PlotImage)"/>).</summary>
    /// <exception cref="ArgumentException">The image has 2 or more than 4 channels.</exception>
    public static byte[] ToRgb(PlotImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int c = image.Channels, h = image.Height, w = image.Width;
        if (c is not (1 or 3 or 4)) throw new ArgumentException($"Cannot read a {c}-channel image as RGB.", nameof(image));
        var src = image.Pixels;
        var rgb = new byte[(long)h * w * 3];
        long plane = (long)h * w;
        for (long p = 0; p < plane; p++)
        {
            double alpha = c == 4 ? Math.Clamp(src[(int)(3 * plane + p)], 0f, 1f) : 1.0;
            for (int ch = 0; ch < 3; ch++)
            {
                double v = Math.Clamp(src[(int)((c == 1 ? 0 : ch) * plane + p)], 0f, 1f);
                double composited = v * alpha + (1 - alpha);
                rgb[p * 3 + ch] = (byte)Math.Round(composited * 255, MidpointRounding.AwayFromZero);
            }
        }
        return rgb;
    }

    private (int Height, int Width) PreScaledSize(int height, int width)
    {
        if (!Options.PaperPreScale) return (height, width);
        long pixels = (long)height * width;
        double factor = pixels > Options.PreScaleMaxPixels ? Math.Sqrt((double)Options.PreScaleMaxPixels / pixels)
            : pixels < Options.PreScaleMinPixels ? Math.Sqrt((double)Options.PreScaleMinPixels / pixels) : 1.0;
        if (factor == 1.0) return (height, width);
        return (Math.Max(1, (int)(height * factor)), Math.Max(1, (int)(width * factor)));
    }

    /// <summary>Channels-first float32 <c>(3, h, w)</c>: (x·(1/255) in float64, stored float32 − mean) / std in float32.</summary>
    private float[] Normalize(byte[] pixels, int w, int h)
    {
        var result = new float[3L * h * w];
        var mean = Options.ImageMean.Select(m => (float)m).ToArray();
        var std = Options.ImageStd.Select(s => (float)s).ToArray();
        long plane = (long)h * w;
        for (long p = 0; p < plane; p++)
            for (int c = 0; c < 3; c++)
            {
                float x = (float)(pixels[p * 3 + c] * (1.0 / 255.0));
                result[c * plane + p] = (x - mean[c]) / std[c];
            }
        return result;
    }

    /// <summary>Rows in merge-block order; columns (c, tp, py, px); the image repeated for every temporal frame.</summary>
    private ProcessedImage Patchify(float[] chw, int w, int h)
    {
        int p = Options.PatchSize, tp = Options.TemporalPatchSize, m = Options.MergeSize;
        int gh = h / p, gw = w / p, dim = 3 * tp * p * p;
        var rows = new float[(long)gh * gw * dim];
        long plane = (long)h * w;
        int n = 0;
        for (int bh = 0; bh < gh / m; bh++)
            for (int bw = 0; bw < gw / m; bw++)
                for (int mh = 0; mh < m; mh++)
                    for (int mw = 0; mw < m; mw++, n++)
                    {
                        int row = bh * m + mh, col = bw * m + mw;
                        long baseIndex = (long)n * dim;
                        for (int c = 0; c < 3; c++)
                            for (int t = 0; t < tp; t++)
                                for (int py = 0; py < p; py++)
                                    for (int px = 0; px < p; px++)
                                        rows[baseIndex + ((c * tp + t) * p + py) * p + px] = chw[c * plane + (long)(row * p + py) * w + col * p + px];
                    }
        return new ProcessedImage(rows, new ImageGrid(1, gh, gw), h, w);
    }
}
