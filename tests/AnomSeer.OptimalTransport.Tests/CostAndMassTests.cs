namespace AnomSeer.OptimalTransport.Tests;

public class CostAndMassTests
{
    internal static HiddenStates RandomStates(int rows, int dim, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var v = new float[rows * dim];
        for (int x = 0; x < v.Length; x++) v[x] = (float)(rng.NextDouble() * 2 - 1) * scale;
        return new HiddenStates(v, rows, dim);
    }

    private static double BruteCosine(HiddenStates x, int i, HiddenStates y, int j)
    {
        double nx = 0, ny = 0, dot = 0;
        for (int k = 0; k < x.Dimension; k++)
        {
            nx += (double)x.Row(i)[k] * x.Row(i)[k];
            ny += (double)y.Row(j)[k] * y.Row(j)[k];
        }
        nx = Math.Sqrt(nx) + 1e-6;
        ny = Math.Sqrt(ny) + 1e-6;
        for (int k = 0; k < x.Dimension; k++) dot += (x.Row(i)[k] / nx) * (y.Row(j)[k] / ny);
        return Math.Max(0, 1 - dot);
    }

    [Theory]
    [InlineData(7, 5, 16)]   // vector kernel plus remainders in both directions
    [InlineData(9, 11, 256)]
    [InlineData(5, 6, 24)]   // a multiple of 8 but not 16: the 256-bit kernel on AVX-512 machines
    [InlineData(11, 75, 40)] // the 4 × 32 tiled kernel with leftover rows and columns
    [InlineData(8, 64, 16)]  // tiles only
    [InlineData(3, 4, 13)]   // dimension not a multiple of the vector width: scalar path
    public void Cosine_cost_matches_a_brute_force_loop(int nx, int ny, int dim)
    {
        var x = RandomStates(nx, dim, 1, 30f);
        var y = RandomStates(ny, dim, 2, 0.1f);
        var c = CosineCost.Compute(x, y);
        var cf = new float[nx * ny];
        CosineCost.Compute(x, y, cf);
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
            {
                Assert.Equal(BruteCosine(x, i, y, j), c[i * ny + j], 1e-5);
                Assert.Equal(c[i * ny + j], cf[i * ny + j], 1e-6);
                Assert.InRange(c[i * ny + j], 0.0, 2.0);
            }
    }

    [Fact]
    public void Cosine_cost_known_values_and_zero_clamp()
    {
        // [1,0], [0,1], [-1,0], [2,0] against [1,0]: cos = 1, 0, -1, 1 → cost 0, 1, 2, 0 (up to the 1e-6 norm guard).
        var x = new HiddenStates(new float[] { 1, 0, 0, 1, -1, 0, 2, 0 }, 4, 2);
        var y = new HiddenStates(new float[] { 1, 0 }, 1, 2);
        var c = CosineCost.Compute(x, y);
        Assert.Equal([0, 1, 2, 0], c.Select(v => Math.Round(v, 5)));
        Assert.All(c, v => Assert.True(v >= 0));
        // A zero vector has cosine 0 with everything thanks to the +1e-6.
        var zero = new HiddenStates(new float[2], 1, 2);
        Assert.Equal(1.0, CosineCost.Compute(zero, y)[0]);
    }

    [Fact]
    public void Squared_euclidean_cost_matches_a_brute_force_loop()
    {
        var x = RandomStates(6, 24, 3);
        var y = RandomStates(5, 24, 4);
        var c = SquaredEuclideanCost.Compute(x, y);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 5; j++)
            {
                double d2 = 0;
                for (int k = 0; k < 24; k++) d2 += Math.Pow(x.Row(i)[k] - y.Row(j)[k], 2);
                Assert.Equal(d2, c[i * 5 + j], 1e-4);
            }
        var self = SquaredEuclideanCost.Compute(x, x);
        for (int i = 0; i < 6; i++) Assert.Equal(0.0, self[i * 6 + i], 1e-5);
    }

    [Fact]
    public void Cost_arguments_are_checked()
    {
        var x = RandomStates(2, 4, 5);
        var y = RandomStates(3, 5, 6);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => CosineCost.Compute(x, y)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => CosineCost.Compute(x, x, new double[3])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new HiddenStates(new float[5], 2, 3)).ParamName);
    }

    [Fact]
    public void Softmax_of_norms_is_hand_computable()
    {
        // Norms 5, 0, 1 → softmax(5, 0, 1).
        var h = new HiddenStates(new float[] { 3, 4, 0, 0, 0, 1 }, 3, 2);
        var p = new double[3];
        TokenMass.SoftmaxOfNorms(h, p);
        double z = Math.Exp(5) + 1 + Math.Exp(1);
        Assert.Equal(Math.Exp(5) / z, p[0], 1e-12);
        Assert.Equal(1 / z, p[1], 1e-12);
        Assert.Equal(Math.Exp(1) / z, p[2], 1e-12);
    }

    [Fact]
    public void Softmax_of_large_norms_does_not_overflow_and_uniform_is_flat()
    {
        var h = RandomStates(50, 64, 7, 200f);
        var p = new double[50];
        TokenMass.Compute(TokenMassKind.SoftmaxOfNorms, h, p);
        Assert.All(p, v => Assert.True(double.IsFinite(v) && v >= 0));
        Assert.Equal(1.0, p.Sum(), 1e-12);
        TokenMass.Compute(TokenMassKind.Uniform, h, p);
        Assert.All(p, v => Assert.Equal(0.02, v, 1e-15));
    }
}
