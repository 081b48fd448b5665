using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class SavitzkyGolayTests
{
    [Theory]
    // Published Savitzky–Golay tables (Savitzky & Golay 1964; smoothing, quadratic/cubic and quartic/quintic).
    [InlineData(5, 2, new double[] { -3, 12, 17, 12, -3 }, 35)]
    [InlineData(7, 2, new double[] { -2, 3, 6, 7, 6, 3, -2 }, 21)]
    [InlineData(9, 2, new double[] { -21, 14, 39, 54, 59, 54, 39, 14, -21 }, 231)]
    [InlineData(7, 4, new double[] { 5, -30, 75, 131, 75, -30, 5 }, 231)]
    [InlineData(5, 3, new double[] { -3, 12, 17, 12, -3 }, 35)]
    public void Centre_coefficients_match_published_tables(int window, int order, double[] numerators, double norm)
    {
        var c = SavitzkyGolay.Coefficients(window, order);
        Assert.Equal(window, c.Length);
        for (int i = 0; i < window; i++) Assert.Equal(numerators[i] / norm, c[i], 12);
    }

    [Fact]
    public void Matches_the_scipy_documentation_example_in_interp_mode()
    {
        // scipy.signal.savgol_filter docs: x = [2, 2, 5, 2, 1, 0, 1, 4, 9]; savgol_filter(x, 5, 2)
        // -> [1.66, 3.17, 3.54, 2.86, 0.66, 0.17, 1., 4., 9.] (printed with 2 decimals).
        double[] expected = [1.66, 3.17, 3.54, 2.86, 0.66, 0.17, 1.0, 4.0, 9.0];
        var y = SavitzkyGolay.Filter([2, 2, 5, 2, 1, 0, 1, 4, 9], 5, 2);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - y[i]) <= 0.005 + 1e-12, $"index {i}: {y[i]}");
    }

    [Theory]
    [InlineData(31, 2, 200)]
    [InlineData(21, 2, 100)]
    [InlineData(5, 2, 9)]
    [InlineData(7, 3, 40)]
    [InlineData(11, 0, 30)]
    public void Equals_an_independent_per_point_least_squares_fit(int window, int order, int n)
    {
        var x = TestSeries.Gaussian(n, 1.0, seed: window * 100 + order);
        var fast = SavitzkyGolay.Filter(x, window, order);
        var reference = BruteForceInterp(x, window, order);
        for (int i = 0; i < n; i++) Assert.Equal(reference[i], fast[i], 9);
    }

    [Fact]
    public void Preserves_polynomials_of_the_fit_degree_everywhere()
    {
        var x = new double[50];
        for (int i = 0; i < x.Length; i++) x[i] = 0.5 - 0.3 * i + 0.02 * i * i;
        var y = SavitzkyGolay.Filter(x, 21, 2);
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], y[i], 9);
    }

    [Fact]
    public void Invalid_arguments_throw_naming_them()
    {
        Assert.Equal("windowLength", Assert.Throws<ArgumentOutOfRangeException>(() => SavitzkyGolay.Filter(new double[10], 4, 2)).ParamName);
        Assert.Equal("polyorder", Assert.Throws<ArgumentOutOfRangeException>(() => SavitzkyGolay.Filter(new double[10], 5, 5)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => SavitzkyGolay.Filter(new double[4], 5, 2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => SavitzkyGolay.Filter([1, 2, double.NaN, 4, 5], 5, 2)).ParamName);
    }

    // For every output index: fit a polynomial by the normal equations (Gaussian elimination with partial
    // pivoting) over the window scipy's "interp" mode uses, and evaluate it at the index.
    private static double[] BruteForceInterp(double[] x, int w, int p)
    {
        int n = x.Length, h = w / 2;
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            int start = i < h ? 0 : i >= n - h ? n - w : i - h;
            double centre = start + h; // fit in local coordinates t = index - centre
            var ata = new double[p + 1, p + 1];
            var atb = new double[p + 1];
            for (int k = 0; k < w; k++)
            {
                double t = start + k - centre;
                for (int r = 0; r <= p; r++)
                {
                    atb[r] += Math.Pow(t, r) * x[start + k];
                    for (int c = 0; c <= p; c++) ata[r, c] += Math.Pow(t, r + c);
                }
            }
            var coef = Solve(ata, atb);
            double at = i - centre, v = 0;
            for (int r = 0; r <= p; r++) v += coef[r] * Math.Pow(at, r);
            y[i] = v;
        }
        return y;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[piv, col])) piv = r;
            for (int c = 0; c < n; c++) (m[col, c], m[piv, c]) = (m[piv, c], m[col, c]);
            (v[col], v[piv]) = (v[piv], v[col]);
            for (int r = col + 1; r < n; r++)
            {
                double f = m[r, col] / m[col, col];
                for (int c = col; c < n; c++) m[r, c] -= f * m[col, c];
                v[r] -= f * v[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = v[r];
            for (int c = r + 1; c < n; c++) s -= m[r, c] * x[c];
            x[r] = s / m[r, r];
        }
        return x;
    }
}
