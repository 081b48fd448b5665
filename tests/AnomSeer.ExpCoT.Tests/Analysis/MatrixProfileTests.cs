using AnomSeer.ExpCoT.Analysis;

namespace AnomSeer.ExpCoT.Tests.Analysis;

public class MatrixProfileTests
{
    [Theory]
    [InlineData(300, 20, 1)]
    [InlineData(257, 50, 2)]
    [InlineData(120, 3, 3)]
    [InlineData(200, 16, 4)]
    public void Equals_brute_force_on_random_series(int n, int m, int seed)
    {
        var x = TestSeries.Add(TestSeries.Gaussian(n, 1.0, seed), TestSeries.Sine(n, 0.05, 3));
        AssertClose(BruteForce(x, m, (m + 3) / 4), MatrixProfile.Compute(x, m), 1e-8);
    }

    [Fact]
    public void Equals_brute_force_with_constant_stretches_and_never_returns_nan()
    {
        int n = 260, m = 20;
        var x = TestSeries.Gaussian(n, 1.0, 9);
        for (int i = 30; i < 80; i++) x[i] = 1.5;   // long constant stretch: many constant subsequences
        for (int i = 150; i < 175; i++) x[i] = -0.4; // another one
        for (int i = 200; i < 215; i++) x[i] = 0;    // shorter than m: no constant subsequence, low variance
        var fast = MatrixProfile.Compute(x, m);
        Assert.All(fast, v => Assert.True(double.IsFinite(v)));
        AssertClose(BruteForce(x, m, 5), fast, 1e-8);
        Assert.Equal(0, fast[35]); // a constant subsequence matches another constant one
    }

    [Fact]
    public void A_large_offset_does_not_lose_precision()
    {
        var x = TestSeries.Gaussian(200, 1.0, 11);
        for (int i = 0; i < x.Length; i++) x[i] += 1e4;
        AssertClose(BruteForce(x, 25, 7), MatrixProfile.Compute(x, 25), 1e-7);
    }

    [Fact]
    public void A_planted_discord_is_the_maximum()
    {
        var x = TestSeries.Add(TestSeries.Sine(1000, 0.03), TestSeries.Gaussian(1000, 0.02, 3));
        for (int i = 600; i < 620; i++) x[i] = 0.8 * Math.Sin(2 * Math.PI * 0.15 * i);
        var mp = MatrixProfile.Compute(x, 50);
        int arg = Array.IndexOf(mp, mp.Max());
        Assert.InRange(arg, 600 - 50, 620);
    }

    [Fact]
    public void Default_exclusion_zone_is_ceil_m_over_4()
    {
        Assert.Equal(13, MatrixProfile.DefaultExclusionZone(50));
        Assert.Equal(5, MatrixProfile.DefaultExclusionZone(20));
        Assert.Equal(1, MatrixProfile.DefaultExclusionZone(3));
    }

    [Fact]
    public void Subsequences_without_neighbours_get_the_largest_finite_value_or_infinity_when_asked()
    {
        var x = TestSeries.Gaussian(30, 1.0, 1);
        var raw = MatrixProfile.Compute(x, 10, exclusionZone: 15, replaceNonFinite: false);
        var filled = MatrixProfile.Compute(x, 10, exclusionZone: 15);
        double maxFinite = raw.Where(double.IsFinite).Max();
        for (int i = 0; i < raw.Length; i++)
            Assert.Equal(double.IsFinite(raw[i]) ? raw[i] : maxFinite, filled[i]);
        Assert.Contains(raw, double.IsPositiveInfinity);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => MatrixProfile.Compute(new double[10], 2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => MatrixProfile.Compute(new double[10], 11)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => MatrixProfile.Compute([1, 2, double.NaN, 3, 4], 3)).ParamName);
    }

    private static void AssertClose(double[] expected, double[] actual, double tol)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"index {i}: expected {expected[i]}, got {actual[i]}");
    }

    // O(n² m): z-normalise every pair explicitly; stumpy's constant-subsequence convention
    // (both constant: distance 0; one constant: ρ = 0.5, distance √m); no neighbour -> largest finite value.
    private static double[] BruteForce(double[] x, int m, int excl)
    {
        int nsub = x.Length - m + 1;
        var z = new double[nsub][];
        var constant = new bool[nsub];
        for (int i = 0; i < nsub; i++)
        {
            var s = x.AsSpan(i, m).ToArray();
            constant[i] = s.All(v => v == s[0]);
            double mu = s.Average(), sd = Math.Sqrt(s.Sum(v => (v - mu) * (v - mu)) / m);
            z[i] = constant[i] ? new double[m] : s.Select(v => (v - mu) / sd).ToArray();
        }
        var p = new double[nsub];
        for (int i = 0; i < nsub; i++)
        {
            double best = double.PositiveInfinity;
            for (int j = 0; j < nsub; j++)
            {
                if (Math.Abs(i - j) <= excl) continue;
                double d;
                if (constant[i] && constant[j]) d = 0;
                else if (constant[i] || constant[j]) d = Math.Sqrt(m);
                else
                {
                    double s = 0;
                    for (int t = 0; t < m; t++) s += (z[i][t] - z[j][t]) * (z[i][t] - z[j][t]);
                    d = Math.Sqrt(s);
                }
                best = Math.Min(best, d);
            }
            p[i] = best;
        }
        double fill = p.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        for (int i = 0; i < nsub; i++) if (!double.IsFinite(p[i])) p[i] = fill;
        return p;
    }
}
