using static AnomSeer.OptimalTransport.Tests.ReferenceSinkhorn;

namespace AnomSeer.OptimalTransport.Tests;

public class LogDomainSinkhornTests
{
    private static readonly SinkhornOptions Converging = new()
    {
        Method = SinkhornMethod.LogDomain, Epsilon = 0.05, MaxIterations = 20_000, Tolerance = 1e-10, ReturnPlan = true,
    };

    [Theory]
    [InlineData(10, 10, 11)]
    [InlineData(25, 40, 12)]
    [InlineData(64, 17, 13)]
    public void Plan_marginals_equal_a_and_b_at_convergence(int n, int m, int seed)
    {
        var (c, a, b) = RandomProblem(n, m, seed);
        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, n, m, a, b), Converging);
        Assert.True(result.Converged);
        var (rows, cols) = Marginals(result.Plan!, n, m);
        for (int i = 0; i < n; i++) Assert.Equal(a[i], rows[i], 1e-5);
        for (int j = 0; j < m; j++) Assert.Equal(b[j], cols[j], 1e-5);
    }

    [Theory]
    [InlineData(0.1, 21)]
    [InlineData(0.3, 22)]
    [InlineData(0.05, 23)]
    public void Scaling_and_log_domain_agree_on_W_where_both_are_stable(double eps, int seed)
    {
        var (c, a, b) = RandomProblem(30, 45, seed);
        var common = new SinkhornOptions { Epsilon = eps, MaxIterations = 50_000, Tolerance = 1e-12 };
        var scaling = CpuSinkhornSolver.Shared.Solve(Problem(c, 30, 45, a, b), common with { Method = SinkhornMethod.Scaling });
        var log = CpuSinkhornSolver.Shared.Solve(Problem(c, 30, 45, a, b), common with { Method = SinkhornMethod.LogDomain });
        Assert.True(scaling.Converged && log.Converged);
        Assert.Equal(scaling.Cost, log.Cost, 1e-6);
    }

    [Fact]
    public void Fixed_iterations_of_both_forms_give_the_same_iterates()
    {
        // Same update sequence from u = v = 1, so after 50 iterations both forms hold the same scalings.
        var (c, a, b) = RandomProblem(40, 33, 24);
        var scaling = CpuSinkhornSolver.Shared.Solve(Problem(c, 40, 33, a, b));
        var log = CpuSinkhornSolver.Shared.Solve(Problem(c, 40, 33, a, b), SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain });
        Assert.Equal(scaling.Cost, log.Cost, 1e-10);
        for (int i = 0; i < 40; i++) Assert.Equal(scaling.LogU[i], log.LogU[i], 1e-8);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-4)]
    public void Stable_for_small_epsilon_in_float64_and_float32(double eps)
    {
        // A planted permutation with costs in [0.2, 0.5] on it and [1, 2] elsewhere: the known optimal plan. At
        // ε = 1e-4 every exp(−C/ε) underflows even in float64 (exp(−2000)), so only the log domain can find it.
        const int n = 12;
        var rng = new Random(27);
        var perm = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(perm);
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                c[i * n + j] = j == perm[i] ? 0.2 + 0.3 * rng.NextDouble() : 1 + rng.NextDouble();
        var uniform = Enumerable.Repeat(1.0 / n, n).ToArray();
        double optimum = Enumerable.Range(0, n).Sum(i => c[i * n + perm[i]]) / n;

        var options = Converging with { Epsilon = eps, MaxIterations = 1_000, Tolerance = 1e-7 };
        var d = CpuSinkhornSolver.Shared.Solve(Problem(c, n, n, uniform, uniform), options);
        var f = CpuSinkhornSolver.Shared.Solve(ProblemF(c, n, n, uniform, uniform), options with { Tolerance = 2e-4 });
        foreach (var r in new[] { d, f })
        {
            Assert.True(r.Converged, $"error {r.MarginalError}");
            Assert.Equal(optimum, r.Cost, 1e-4);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    Assert.Equal(j == perm[i] ? 1.0 / n : 0.0, r.Plan![i * n + j], 1e-4);
        }

        if (eps > 1e-4) return;
        // The scaling form cannot: its kernel is clamped to 1e-300 everywhere and the plan comes out uniform.
        var scaling = CpuSinkhornSolver.Shared.Solve(Problem(c, n, n, uniform, uniform), options with { Method = SinkhornMethod.Scaling });
        Assert.True(Math.Abs(scaling.Cost - optimum) > 0.1);
    }

    [Fact]
    public void Potentials_reproduce_the_plan()
    {
        var (c, a, b) = RandomProblem(9, 6, 26);
        var r = CpuSinkhornSolver.Shared.Solve(Problem(c, 9, 6, a, b), Converging);
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 6; j++)
                Assert.Equal(Math.Exp(r.LogU[i] - c[i * 6 + j] / 0.05 + r.LogV[j]), r.Plan![i * 6 + j], 1e-12);
    }
}
