using static AnomSeer.OptimalTransport.Tests.ReferenceSinkhorn;

namespace AnomSeer.OptimalTransport.Tests;

/// <summary>Problems whose answer is known independently (GeomLoss-style permutation problems, brute force).</summary>
public class KnownAnswerTests
{
    private static int[] RandomPermutation(int n, Random rng)
    {
        var p = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(p);
        return p;
    }

    [Theory]
    [InlineData(3, 31, SinkhornMethod.LogDomain)]
    [InlineData(5, 32, SinkhornMethod.LogDomain)]
    [InlineData(7, 33, SinkhornMethod.LogDomain)]
    [InlineData(7, 34, SinkhornMethod.Scaling)]
    public void Permutation_cost_matrix_gives_the_permutation_plan(int n, int seed, SinkhornMethod method)
    {
        var rng = new Random(seed);
        var perm = RandomPermutation(n, rng);
        // Zero cost on the permutation, at least 0.5 elsewhere: the permutation is the unique optimum.
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                c[i * n + j] = j == perm[i] ? 0 : 0.5 + rng.NextDouble();
        var uniform = Enumerable.Repeat(1.0 / n, n).ToArray();

        var options = new SinkhornOptions { Method = method, Epsilon = 0.02, MaxIterations = 2_000, Tolerance = 1e-12, ReturnPlan = true };
        var r = CpuSinkhornSolver.Shared.Solve(Problem(c, n, n, uniform, uniform), options);

        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Assert.Equal(j == perm[i] ? 1.0 / n : 0.0, r.Plan![i * n + j], 1e-3);
        Assert.Equal(0.0, r.Cost, 1e-3);
    }

    [Theory]
    [InlineData(4, 41)]
    [InlineData(6, 42)]
    [InlineData(7, 43)]
    public void W_approaches_the_brute_force_optimal_assignment(int n, int seed)
    {
        var (c, _, _) = RandomProblem(n, n, seed);
        var (best, bestPerm) = BruteForceAssignment(c, n);
        var uniform = Enumerable.Repeat(1.0 / n, n).ToArray();

        var options = new SinkhornOptions { Method = SinkhornMethod.LogDomain, Epsilon = 5e-3, MaxIterations = 20_000, Tolerance = 1e-9, ReturnPlan = true };
        var r = CpuSinkhornSolver.Shared.Solve(Problem(c, n, n, uniform, uniform), options);

        // Birkhoff: the optimum over doubly stochastic plans with uniform masses is the best assignment / n.
        // Near-ties between assignments make Sinkhorn slow at small ε; a marginal error of 1e-4 is plenty here.
        Assert.True(r.MarginalError < 1e-4, $"error {r.MarginalError} after {r.Iterations} iterations");
        // Entropic bias: 0 ≤ W_ε − W_0 ≤ ε (H(a) + H(b)) = 2 ε log n in theory; in practice far smaller.
        Assert.Equal(best / n, r.Cost, 2e-3);
        Assert.True(r.Cost >= best / n - 1e-9, "no plan can beat the optimal assignment");
        Assert.Equal(n, bestPerm.Distinct().Count());
    }

    [Theory]
    [InlineData(SinkhornMethod.Scaling, 0.5)]
    [InlineData(SinkhornMethod.Scaling, 3.0)]
    [InlineData(SinkhornMethod.LogDomain, 0.25)]
    [InlineData(SinkhornMethod.LogDomain, 7.0)]
    public void Scaling_cost_and_epsilon_by_s_scales_W_by_s(SinkhornMethod method, double s)
    {
        var (c, a, b) = RandomProblem(15, 22, 51);
        var options = new SinkhornOptions { Method = method, Epsilon = 0.1, MaxIterations = 300 };
        var w = CpuSinkhornSolver.Shared.Solve(Problem(c, 15, 22, a, b), options).Cost;
        var scaled = c.Select(x => x * s).ToArray();
        var ws = CpuSinkhornSolver.Shared.Solve(Problem(scaled, 15, 22, a, b), options with { Epsilon = 0.1 * s }).Cost;
        Assert.Equal(s * w, ws, 1e-10 * s);
    }
}
