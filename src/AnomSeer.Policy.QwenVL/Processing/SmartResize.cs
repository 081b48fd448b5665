namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// <c>smart_resize</c> (spec §3.2, the current qwen-vl-utils algorithm): the size closest to the input whose sides are
/// multiples of <c>factor</c> (28 = patch · merge), with the pixel count kept inside [min_pixels, max_pixels].
/// Rounding is Python's half-to-even; the newer version's <c>max(factor, …)</c> clamps are applied.
/// </summary>
public static class SmartResize
{
    /// <summary>The resized (height, width).</summary>
    /// <param name="height">Input height, at least 1.</param>
    /// <param name="width">Input width, at least 1.</param>
    /// <param name="factor">Side multiple (28).</param>
    /// <param name="minPixels">Lower bound on h'·w' (3136 in the checkpoint).</param>
    /// <param name="maxPixels">Upper bound on h'·w' (12,845,056 in the checkpoint).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive, or the bounds are inconsistent.</exception>
    /// <exception cref="ArgumentException">The aspect ratio exceeds 200.</exception>
    public static (int Height, int Width) Compute(int height, int width, int factor = 28, int minPixels = 3136, int maxPixels = 12_845_056)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minPixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, minPixels);
        double h = height, w = width;
        if (Math.Max(h, w) / Math.Min(h, w) > 200)
            throw new ArgumentException($"The aspect ratio of {height}×{width} exceeds 200.", nameof(width));
        int hBar = Math.Max(factor, (int)Math.Round(h / factor, MidpointRounding.ToEven) * factor);
        int wBar = Math.Max(factor, (int)Math.Round(w / factor, MidpointRounding.ToEven) * factor);
        if ((long)hBar * wBar > maxPixels)
        {
            double beta = Math.Sqrt(h * w / maxPixels);
            hBar = Math.Max(factor, (int)Math.Floor(h / beta / factor) * factor);
            wBar = Math.Max(factor, (int)Math.Floor(w / beta / factor) * factor);
        }
        else if ((long)hBar * wBar < minPixels)
        {
            double beta = Math.Sqrt(minPixels / (h * w));
            hBar = (int)Math.Ceiling(h * beta / factor) * factor;
            wBar = (int)Math.Ceiling(w * beta / factor) * factor;
        }
        return (hBar, wBar);
    }
}
