using AnomSeer.OptimalTransport.Internal;
using static AnomSeer.OptimalTransport.Tests.ReferenceSinkhorn;

namespace AnomSeer.OptimalTransport.Tests;

/// <summary>
/// The CPU solver's fast paths against the plain computations they replace: the fused cost-and-solve path of
/// <see cref="GroundedTransport"/>, the eight-row kernels, the one-pass diagnostics and the cost check made while K is built.
/// </summary>
public class FusedPathTests
{
    /// <summary>Any solver that is not the CPU solver's own type takes the separate path (cost matrices, then a batch solve).</summary>
    private sealed class SeparatePath(ISinkhornSolver inner) : ISinkhornSolver
    {
        public string Name => "separate";
        public SinkhornPrecisions SupportedPrecisions => inner.SupportedPrecisions;
        public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
            inner.SolveBatch(problems, options, cancellationToken);
        public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
            inner.SolveBatch(problems, options, cancellationToken);
    }

    private static HiddenStates States(int rows, int dim, int seed)
    {
        var rng = new Random(seed);
        var v = new float[rows * dim];
        for (int x = 0; x < v.Length; x++) v[x] = (float)(rng.NextDouble() * 2 - 1) * (1 + (x / dim) % 3);
        return new HiddenStates(v, rows, dim);
    }

    /// <summary>Sizes around the 8-row tile, the 32-column panel and the 64-row block, shared and distinct references, an empty side.</summary>
    private static (HiddenStates[] Responses, HiddenStates[] References) Batch(int dim)
    {
        var shared = States(70, dim, 100);
        var responses = new[] { States(37, dim, 1), States(64, dim, 2), States(3, dim, 3), States(129, dim, 4), States(0, dim, 5), States(8, dim, 6) };
        var references = new[] { shared, shared, States(31, dim, 101), States(45, dim, 102), shared, States(1, dim, 103) };
        return (responses, references);
    }

    [Theory]
    [InlineData(false, TokenMassKind.SoftmaxOfNorms, 32)]
    [InlineData(false, TokenMassKind.Uniform, 20)]
    [InlineData(true, TokenMassKind.SoftmaxOfNorms, 48)]
    public void Fused_cost_and_solve_equals_the_separate_computation(bool singlePrecision, TokenMassKind masses, int dim)
    {
        var (responses, references) = Batch(dim);
        var options = TimerPoAdvantageOptions.Paper with { SinglePrecision = singlePrecision, TokenMass = masses, BatchSize = 4 };
        var fused = GroundedTransport.Solve(responses, references, options);
        var separate = GroundedTransport.Solve(responses, references, options, new SeparatePath(CpuSinkhornSolver.Shared));
        Assert.Equal(separate.Length, fused.Length);
        for (int p = 0; p < fused.Length; p++)
        {
            Assert.Equal(separate[p].IsEmpty, fused[p].IsEmpty);
            Assert.Equal(separate[p].Iterations, fused[p].Iterations);
            Assert.Equal(separate[p].Cost, fused[p].Cost, 1e-12 * Math.Abs(separate[p].Cost));
            Assert.Equal(separate[p].MarginalError, fused[p].MarginalError, 1e-12 + 1e-12 * separate[p].MarginalError);
            for (int i = 0; i < fused[p].LogU.Count; i++) Assert.Equal(separate[p].LogU[i], fused[p].LogU[i], 1e-12 * Math.Max(1, Math.Abs(separate[p].LogU[i])));
            for (int j = 0; j < fused[p].LogV.Count; j++) Assert.Equal(separate[p].LogV[j], fused[p].LogV[j], 1e-12 * Math.Max(1, Math.Abs(separate[p].LogV[j])));
        }
        Assert.Equal(1.0, fused[4].Cost);
    }

    [Fact]
    public void Fused_path_matches_the_scalar_reference_loop()
    {
        var x = States(40, 24, 7);
        var y = States(33, 24, 8);
        var w = GroundedTransport.Solve([x], [y])[0].Cost;
        var c = CosineCost.Compute(x, y);
        var a = new double[40];
        var b = new double[33];
        TokenMass.SoftmaxOfNorms(x, a);
        TokenMass.SoftmaxOfNorms(y, b);
        var (wRef, _) = Scaling(c, 40, 33, a, b, 0.08, 50);
        Assert.Equal(wRef, w, 1e-12 * wRef);
    }

    [Fact]
    public void Cosine_cost_rows_do_not_depend_on_the_row_block()
    {
        // 150 rows = two full 64-row blocks and one of 22 (two 8-row tiles, one 4-row tile, two single rows).
        var x = States(150, 40, 9);
        var y = States(70, 40, 10);
        var all = CosineCost.Compute(x, y);
        for (int i = 0; i < 150; i += 7)
        {
            var one = CosineCost.Compute(new HiddenStates(x.Values.Slice(i * 40, 40), 1, 40), y);
            for (int j = 0; j < 70; j++) Assert.Equal(all[i * 70 + j], one[j], 1e-6);
        }
    }

    [Theory]
    [InlineData(37)]
    [InlineData(64)]
    [InlineData(19)]
    public void Eight_row_kernels_equal_the_four_row_kernels_bit_for_bit(int m)
    {
        var rng = new Random(m);
        var k = Enumerable.Range(0, 8 * m).Select(_ => rng.NextDouble()).ToArray();
        var v = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var u = Enumerable.Range(0, 8).Select(_ => rng.NextDouble()).ToArray();
        var acc8 = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var acc4 = (double[])acc8.Clone();
        if (!RowKernels.HasEightRowKernels<double>(m)) return;   // no 512-bit vectors here: the 8-row path is not used

        var dots = new double[8];
        RowKernels.Dot8<double>(k, 0, m, v, dots);
        RowKernels.Dot4<double>(k, 0, m, v, out var d0, out var d1, out var d2, out var d3);
        RowKernels.Dot4<double>(k, 4, m, v, out var d4, out var d5, out var d6, out var d7);
        Assert.Equal([d0, d1, d2, d3, d4, d5, d6, d7], dots);

        RowKernels.Axpy8<double>(k, 0, m, u, acc8);
        RowKernels.Axpy4<double>(k, 0, m, u[0], u[1], u[2], u[3], acc4);
        RowKernels.Axpy4<double>(k, 4, m, u[4], u[5], u[6], u[7], acc4);
        Assert.Equal(acc4, acc8);
    }

    [Fact]
    public void Vectorised_guards_follow_the_spec()
    {
        double[] a = [1, 0, 1, 2, 1, 1, 0, 3];
        double[] dots = [2, 0, -1e-300, 4, double.NaN, 1e-310, 5, 1];
        var u = new double[8];
        RowKernels.GuardedQuotient8<double>(a, dots, 1e-300, u);
        for (int r = 0; r < 8; r++) Assert.Equal(ScalingSinkhorn.Guard(a[r] / (dots[r] + 1e-300)), u[r]);
        Assert.Equal(0.0, u[1]);       // 0 / 1e-300 = 0
        Assert.Equal(1e300, u[2]);     // 1 / 0 = +∞ → 1e300
        Assert.Equal(0.0, u[4]);       // NaN → 0

        // v-update: partials of 3 blocks (m = 19, vector part and tail), against the elementwise formula.
        var rng = new Random(3);
        int m = 19;
        var partials = Enumerable.Range(0, 3 * m).Select(_ => rng.NextDouble()).ToArray();
        partials[5] = partials[m + 5] = partials[2 * m + 5] = 0;     // b / tiny-ish
        partials[17] = double.NaN;
        var b = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        var v = new double[m];
        RowKernels.UpdateV<double>(partials, 3, b, 1e-300, v);
        for (int j = 0; j < m; j++)
            Assert.Equal(ScalingSinkhorn.Guard(b[j] / (partials[j] + partials[m + j] + partials[2 * m + j] + 1e-300)), v[j]);
        Assert.Equal(0.0, v[17]);
    }

    [Fact]
    public void Returning_the_plan_does_not_change_the_cost()
    {
        var (c, a, b) = RandomProblem(45, 70, 31);
        var without = CpuSinkhornSolver.Shared.Solve(Problem(c, 45, 70, a, b));
        var with = CpuSinkhornSolver.Shared.Solve(Problem(c, 45, 70, a, b), SinkhornOptions.Paper with { ReturnPlan = true });
        Assert.Equal(without.Cost, with.Cost);
        Assert.Equal(without.MarginalError, with.MarginalError);
        double w = 0;
        for (int x = 0; x < c.Length; x++) w += with.Plan![x] * c[x];
        Assert.Equal(w, with.Cost, 1e-12 * w);
    }

    [Theory]
    [InlineData(0, double.NaN)]
    [InlineData(37, double.PositiveInfinity)]
    [InlineData(399, -1e-9)]
    [InlineData(205, double.NegativeInfinity)]
    public void A_bad_cost_found_while_building_K_throws_the_usual_exception(int index, double bad)
    {
        var (c, a, b) = RandomProblem(20, 20, 41);
        c[index] = bad;
        var ex = Assert.Throws<ArgumentException>(() => CpuSinkhornSolver.Shared.Solve(Problem(c, 20, 20, a, b)));
        Assert.Equal("problem", ex.ParamName);
        Assert.Contains($"entry {index} ", ex.Message);
        var exF = Assert.Throws<ArgumentException>(() => CpuSinkhornSolver.Shared.Solve(ProblemF(c, 20, 20, a, b)));
        Assert.Equal("problem", exF.ParamName);
        Assert.Contains($"entry {index} ", exF.Message);
        var big = RandomProblem(300, 256, 42);
        big.C[300 * 256 - 1 - index] = bad;
        var exBig = Assert.Throws<ArgumentException>(() => CpuSinkhornSolver.Shared.Solve(Problem(big.C, 300, 256, big.A, big.B)));   // split across threads
        Assert.Contains($"entry {300 * 256 - 1 - index} ", exBig.Message);
    }
}
