using System.Numerics;
using Vector = System.Numerics.Vector;
using MathNet.Numerics.IntegralTransforms;

namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// The dominant period of a window (method spec b.3, frequency detector): remove the mean, take the power
/// spectrum <c>|rFFT|²</c>, zero the DC bin, take the first arg-max <c>k</c>; the period is <c>len / k</c>, or
/// <see cref="double.PositiveInfinity"/> when <c>k = 0</c> or the window is shorter than <see cref="MinimumLength"/>.
/// </summary>
/// <remarks>
/// A window whose values are all equal has no spectrum at all; it is defined to have an infinite period
/// (numpy's result there depends on rounding noise). <see cref="Sliding"/> updates every bin of a sliding DFT in
/// O(1) per step (and recomputes it exactly every <c>window</c> steps to bound drift), so the whole scan costs
/// O(n·w) instead of O(n·w log w) or O(n·w²). Removing the mean only changes the DC bin, which is zeroed anyway.
/// </remarks>
public static class DominantPeriod
{
    /// <summary>Windows shorter than this have an infinite period (spec b.3: "If len &lt; 8, return ∞").</summary>
    public const int MinimumLength = 8;

    /// <summary>The dominant period of one window, computed with MathNet's FFT.</summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static double Of(ReadOnlySpan<double> window)
    {
        InputGuard.RequireFinite(window, nameof(window));
        int n = window.Length;
        if (n < MinimumLength || IsFlat(window)) return double.PositiveInfinity;
        double mean = SeriesStatistics.MeanUnchecked(window);
        var c = new Complex[n];
        for (int i = 0; i < n; i++) c[i] = new Complex(window[i] - mean, 0);
        Fourier.Forward(c, FourierOptions.Matlab);
        int best = 0;
        double bestPower = 0;
        for (int k = 1; k <= n / 2; k++)
        {
            double p = c[k].Real * c[k].Real + c[k].Imaginary * c[k].Imaginary;
            if (p > bestPower)
            {
                bestPower = p;
                best = k;
            }
        }
        return best == 0 ? double.PositiveInfinity : (double)n / best;
    }

    /// <summary>
    /// Dominant periods of the sliding windows <c>values[i .. i + window)</c>. As in the released code, the
    /// scan covers <c>i = 0 .. L - window - 1</c> (L − window windows, the last possible window is left out)
    /// unless <paramref name="includeLastWindow"/> is set.
    /// </summary>
    /// <param name="values">The series; all values finite.</param>
    /// <param name="window">Window length, at least 1 and at most the series length.</param>
    /// <param name="includeLastWindow">Also scan the window that ends at the last value (L − window + 1 windows).</param>
    /// <param name="cancellationToken">Checked once per exact recomputation.</param>
    /// <returns>One period per window; <see cref="double.PositiveInfinity"/> where undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The window is not in [1, L].</exception>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static double[] Sliding(ReadOnlySpan<double> values, int window, bool includeLastWindow = false,
        CancellationToken cancellationToken = default)
    {
        if (window < 1 || window > values.Length)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The window must be in [1, {values.Length}] (the series length).");
        InputGuard.RequireFinite(values, nameof(values));
        int count = values.Length - window + (includeLastWindow ? 1 : 0);
        var periods = new double[count];
        if (count == 0) return periods;
        if (window < MinimumLength)
        {
            Array.Fill(periods, double.PositiveInfinity);
            return periods;
        }

        // changes[i] = number of j < i with values[j] != values[j + 1]; a window is flat when it contains no change.
        var changes = new int[values.Length];
        for (int i = 1; i < values.Length; i++) changes[i] = changes[i - 1] + (values[i] != values[i - 1] ? 1 : 0);

        int bins = window / 2;
        var cos = new double[bins + 1];
        var sin = new double[bins + 1];
        for (int k = 0; k <= bins; k++)
        {
            double a = 2 * Math.PI * k / window;
            cos[k] = Math.Cos(a);
            sin[k] = Math.Sin(a);
        }
        var re = new double[bins + 1];
        var im = new double[bins + 1];
        var cosTable = new double[window];
        var sinTable = new double[window];
        for (int j = 0; j < window; j++)
        {
            double a = 2 * Math.PI * j / window;
            cosTable[j] = Math.Cos(a);
            sinTable[j] = Math.Sin(a);
        }

        for (int i = 0; i < count; i++)
        {
            if (i % window == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ExactDft(values.Slice(i, window), re, im, cosTable, sinTable);
            }
            else
            {
                // X_k(i) = e^{+2πik/w} (X_k(i-1) - x[i-1] + x[i-1+w]), for every bin at once.
                Rotate(re, im, cos, sin, values[i - 1 + window] - values[i - 1]);
            }
            if (changes[i + window - 1] - changes[i] == 0)
            {
                periods[i] = double.PositiveInfinity;
                continue;
            }
            int best = ArgMaxPower(re, im, bins);
            periods[i] = best == 0 ? double.PositiveInfinity : (double)window / best;
        }
        return periods;
    }

    private static void ExactDft(ReadOnlySpan<double> w, double[] re, double[] im, double[] cosTable, double[] sinTable)
    {
        int n = w.Length;
        for (int k = 1; k < re.Length; k++)
        {
            double r = 0, m = 0;
            int j = 0; // (k·t) mod n
            for (int t = 0; t < n; t++)
            {
                r += w[t] * cosTable[j];
                m -= w[t] * sinTable[j];
                j += k;
                if (j >= n) j -= n;
            }
            re[k] = r;
            im[k] = m;
        }
    }

    private static void Rotate(double[] re, double[] im, double[] cos, double[] sin, double delta)
    {
        int n = re.Length, k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int vw = Vector<double>.Count;
            var vd = new Vector<double>(delta);
            for (; k <= n - vw; k += vw)
            {
                var r = new Vector<double>(re, k) + vd;
                var m = new Vector<double>(im, k);
                var c = new Vector<double>(cos, k);
                var s = new Vector<double>(sin, k);
                (r * c - m * s).CopyTo(re, k);
                (r * s + m * c).CopyTo(im, k);
            }
        }
        for (; k < n; k++)
        {
            double r = re[k] + delta, m = im[k];
            re[k] = r * cos[k] - m * sin[k];
            im[k] = r * sin[k] + m * cos[k];
        }
    }

    // First arg-max of |X_k|² over k = 1..bins; 0 when every power is 0.
    private static int ArgMaxPower(double[] re, double[] im, int bins)
    {
        int best = 0;
        double bestPower = 0;
        for (int k = 1; k <= bins; k++)
        {
            double p = re[k] * re[k] + im[k] * im[k];
            if (p > bestPower)
            {
                bestPower = p;
                best = k;
            }
        }
        return best;
    }

    private static bool IsFlat(ReadOnlySpan<double> w)
    {
        for (int i = 1; i < w.Length; i++)
            if (w[i] != w[0]) return false;
        return true;
    }
}
