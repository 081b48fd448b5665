namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// Pillow's bicubic resampling of 8-bit images, reproduced exactly (spec §3.3): kernel a = −0.5 with support 2 scaled
/// by the reduction factor, weights normalised then converted to 22-bit fixed point (rounded half away from zero),
/// accumulation from 2²¹, clipping to [0, 255]; the horizontal pass first into an 8-bit intermediate, then the
/// vertical pass; a pass whose axis keeps its size is skipped.
/// </summary>
public static class PillowBicubic
{
    private const int PrecisionBits = 22;

    /// <summary>Resizes an interleaved 8-bit image.</summary>
    /// <param name="pixels">Row-major <c>height × width × channels</c> bytes.</param>
    /// <param name="width">Input width.</param>
    /// <param name="height">Input height.</param>
    /// <param name="channels">Channels per pixel (3 for RGB).</param>
    /// <param name="newWidth">Output width.</param>
    /// <param name="newHeight">Output height.</param>
    /// <returns>The resized image, a new array (a copy when the size is unchanged).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pixels"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> has the wrong length.</exception>
    public static byte[] Resize(byte[] pixels, int width, int height, int channels, int newWidth, int newHeight)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newHeight);
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"Expected {width}·{height}·{channels} bytes, got {pixels.Length}.", nameof(pixels));
        var current = (byte[])pixels.Clone();
        int w = width;
        if (newWidth != width)
        {
            var (bounds, kernel, size) = Coefficients(width, newWidth);
            var output = new byte[(long)height * newWidth * channels];
            for (int y = 0; y < height; y++)
                for (int x = 0; x < newWidth; x++)
                {
                    int xmin = bounds[2 * x], count = bounds[2 * x + 1];
                    for (int c = 0; c < channels; c++)
                    {
                        int ss = 1 << (PrecisionBits - 1);
                        for (int k = 0; k < count; k++)
                            ss += current[((long)y * w + xmin + k) * channels + c] * kernel[x * size + k];
                        output[((long)y * newWidth + x) * channels + c] = Clip8(ss);
                    }
                }
            current = output;
            w = newWidth;
        }
        if (newHeight != height)
        {
            var (bounds, kernel, size) = Coefficients(height, newHeight);
            var output = new byte[(long)newHeight * w * channels];
            for (int y = 0; y < newHeight; y++)
            {
                int ymin = bounds[2 * y], count = bounds[2 * y + 1];
                for (int x = 0; x < w; x++)
                    for (int c = 0; c < channels; c++)
                    {
                        int ss = 1 << (PrecisionBits - 1);
                        for (int k = 0; k < count; k++)
                            ss += current[((long)(ymin + k) * w + x) * channels + c] * kernel[y * size + k];
                        output[((long)y * w + x) * channels + c] = Clip8(ss);
                    }
            }
            current = output;
        }
        return current;
    }

    /// <summary>The bicubic kernel (a = −0.5).</summary>
    internal static double Filter(double x)
    {
        const double a = -0.5;
        if (x < 0) x = -x;
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
        return 0;
    }

    /// <summary>Per output index: (first input index, tap count), and the fixed-point taps, <paramref name="outSize"/> × size.</summary>
    internal static (int[] Bounds, int[] Kernel, int Size) Coefficients(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        double filterScale = Math.Max(scale, 1.0);
        double support = 2.0 * filterScale;
        int size = (int)Math.Ceiling(support) * 2 + 1;
        var bounds = new int[2 * outSize];
        var kernel = new int[outSize * size];
        var weights = new double[size];
        for (int xx = 0; xx < outSize; xx++)
        {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = (int)(center - support + 0.5);
            if (xmin < 0) xmin = 0;
            int xmax = (int)(center + support + 0.5);
            if (xmax > inSize) xmax = inSize;
            xmax -= xmin;
            double total = 0;
            for (int x = 0; x < xmax; x++)
            {
                double wgt = Filter((x + xmin - center + 0.5) * ss);
                weights[x] = wgt;
                total += wgt;
            }
            for (int x = 0; x < xmax; x++)
            {
                double k = total != 0 ? weights[x] / total : weights[x];
                kernel[xx * size + x] = k < 0 ? (int)(-0.5 + k * (1 << PrecisionBits)) : (int)(0.5 + k * (1 << PrecisionBits));
            }
            bounds[2 * xx] = xmin;
            bounds[2 * xx + 1] = xmax;
        }
        return (bounds, kernel, size);
    }

    private static byte Clip8(int value)
    {
        if (value >= 255 << PrecisionBits) return 255;
        if (value <= 0) return 0;
        return (byte)(value >> PrecisionBits);
    }
}
