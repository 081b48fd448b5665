using System.Collections.Concurrent;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// Savitzky–Golay smoothing with the semantics of scipy's <c>savgol_filter(x, window_length, polyorder)</c>
/// in its default mode <c>"interp"</c> (method spec b.3 steps 1 and 3): every point whose full window fits
/// inside the series gets the value at the window centre of the least-squares polynomial of degree
/// <c>polyorder</c> fitted to that window; the first and last <c>window_length / 2</c> points get the value of
/// the polynomial fitted to the first (last) <c>window_length</c> points, evaluated at their own positions.
/// </summary>
/// <remarks>
/// The fit is computed once per (window, order) as the hat matrix <c>Q Qᵀ</c> of the thin QR factorisation of
/// the Vandermonde matrix on positions <c>-h..h</c> (scaled to [-1, 1] for conditioning); row <c>h</c> holds the
/// classic convolution coefficients, rows <c>0..h-1</c> and <c>h+1..2h</c> the edge evaluations.
/// </remarks>
public static class SavitzkyGolay
{
    private static readonly ConcurrentDictionary<(int Window, int Order), double[,]> HatCache = new();

    /// <summary>
    /// The smoothing coefficients for the centre of a window (scipy <c>savgol_coeffs(window, polyorder)</c>;
    /// symmetric, so convolution and correlation order agree). Window 5, order 2 gives
    /// <c>[-3, 12, 17, 12, -3] / 35</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is not a positive odd number, or the order is
    /// negative or not below the window.</exception>
    public static double[] Coefficients(int windowLength, int polyorder)
    {
        var hat = Hat(windowLength, polyorder);
        int h = windowLength / 2;
        var c = new double[windowLength];
        for (int k = 0; k < windowLength; k++) c[k] = hat[h, k];
        return c;
    }

    /// <summary>
    /// Smooths <paramref name="values"/> like scipy <c>savgol_filter(values, windowLength, polyorder)</c>
    /// (mode "interp").
    /// </summary>
    /// <param name="values">The series; all values finite.</param>
    /// <param name="windowLength">Positive odd window length, at most the series length (scipy's rule for "interp").</param>
    /// <param name="polyorder">Polynomial degree, 0 ≤ polyorder &lt; windowLength.</param>
    /// <exception cref="ArgumentOutOfRangeException">Invalid window or order.</exception>
    /// <exception cref="ArgumentException">The window is longer than the series, or a value is not finite.</exception>
    public static double[] Filter(ReadOnlySpan<double> values, int windowLength, int polyorder)
    {
        var hat = Hat(windowLength, polyorder);
        if (windowLength > values.Length)
            throw new ArgumentException($"Savitzky–Golay mode \"interp\" needs windowLength ({windowLength}) <= the series length ({values.Length}).", nameof(values));
        InputGuard.RequireFinite(values, nameof(values));

        int n = values.Length, w = windowLength, h = w / 2;
        var y = new double[n];
        for (int i = h; i < n - h; i++)
        {
            double s = 0;
            var seg = values.Slice(i - h, w);
            for (int k = 0; k < w; k++) s += hat[h, k] * seg[k];
            y[i] = s;
        }
        var head = values[..w];
        var tail = values[(n - w)..];
        for (int r = 0; r < h; r++)
        {
            double a = 0, b = 0;
            for (int k = 0; k < w; k++)
            {
                a += hat[r, k] * head[k];
                b += hat[h + 1 + r, k] * tail[k];
            }
            y[r] = a;
            y[n - h + r] = b;
        }
        return y;
    }

    private static double[,] Hat(int windowLength, int polyorder)
    {
        if (windowLength < 1 || windowLength % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(windowLength), windowLength, "The Savitzky–Golay window length must be a positive odd number.");
        if (polyorder < 0 || polyorder >= windowLength)
            throw new ArgumentOutOfRangeException(nameof(polyorder), polyorder, $"The polynomial order must be in [0, windowLength) = [0, {windowLength}).");
        return HatCache.GetOrAdd((windowLength, polyorder), static key => BuildHat(key.Window, key.Order));
    }

    private static double[,] BuildHat(int w, int p)
    {
        int h = w / 2;
        double scale = h == 0 ? 1.0 : h;
        var a = Matrix<double>.Build.Dense(w, p + 1, (i, j) => Math.Pow((i - h) / scale, j));
        var q = a.QR(QRMethod.Thin).Q;
        var hat = q * q.Transpose();
        return hat.ToArray();
    }
}
