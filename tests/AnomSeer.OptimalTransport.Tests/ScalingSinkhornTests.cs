using static AnomSeer.OptimalTransport.Tests.ReferenceSinkhorn;

namespace AnomSeer.OptimalTransport.Tests;

public class ScalingSinkhornTests
{
    [Theory]
    [InlineData(7, 5, 1)]
    [InlineData(37, 64, 2)]
    [InlineData(300, 512, 3)]
    public void Paper_fixed_iteration_result_matches_the_scalar_reference_loop(int n, int m, int seed)
    {
        var (c, a, b) = RandomProblem(n, m, seed);
        var (wRef, planRef) = Scaling(c, n, m, a, b, 0.08, 50);

        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, n, m, a, b), SinkhornOptions.Paper with { ReturnPlan = true });

        Assert.Equal(50, result.Iterations);
        // Equal up to the summation order inside the vectorised dot products (a few ulps).
        Assert.Equal(wRef, result.Cost, 1e-12 * wRef);
        for (int x = 0; x < planRef.Length; x++)
            Assert.Equal(planRef[x], result.Plan![x], 1e-12 * Math.Max(planRef[x], 1e-300) + 1e-300);
    }

    [Fact]
    public void Loop_ends_with_the_v_update_so_columns_are_exact()
    {
        var (c, a, b) = RandomProblem(20, 30, 4);
        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, 20, 30, a, b), SinkhornOptions.Paper with { MaxIterations = 3, ReturnPlan = true });
        var (rows, cols) = Marginals(result.Plan!, 20, 30);
        for (int j = 0; j < 30; j++) Assert.Equal(b[j], cols[j], 1e-14);
        Assert.True(rows.Zip(a).Sum(p => Math.Abs(p.First - p.Second)) > 1e-6, "after 3 iterations the rows are not yet balanced");
    }

    [Fact]
    public void Masses_are_clamped_and_renormalised_like_the_paper()
    {
        var (c, _, _) = RandomProblem(4, 3, 5);
        double[] a = [0, 2, 2, 4];
        double[] b = [3, 3, 0];
        var (wRef, _) = Scaling(c, 4, 3, a, b, 0.08, 50);
        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, 4, 3, a, b));
        Assert.Equal(wRef, result.Cost, 1e-12);
    }

    [Fact]
    public void Underflowing_kernel_follows_the_spec_guards_instead_of_failing()
    {
        // ε so small that exp(−C/ε) underflows: K is clamped to 1e-300 and the guards keep everything finite.
        var (c, a, b) = RandomProblem(6, 6, 6);
        var (wRef, _) = Scaling(c, 6, 6, a, b, 1e-4, 50);
        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, 6, 6, a, b), SinkhornOptions.Paper with { Epsilon = 1e-4 });
        Assert.True(double.IsFinite(result.Cost));
        Assert.Equal(wRef, result.Cost, 1e-12 * Math.Max(1, wRef));
    }

    [Fact]
    public void Tolerance_stops_early_at_a_check_point()
    {
        var (c, a, b) = RandomProblem(30, 40, 7);
        var options = new SinkhornOptions { Epsilon = 0.5, MaxIterations = 10_000, Tolerance = 1e-9, CheckEvery = 10 };
        var result = CpuSinkhornSolver.Shared.Solve(Problem(c, 30, 40, a, b), options);
        Assert.True(result.Converged);
        Assert.True(result.Iterations < 10_000);
        Assert.Equal(0, result.Iterations % 10);
        Assert.True(result.MarginalError <= 1e-9);
    }

    [Fact]
    public void Float32_scaling_is_close_to_float64()
    {
        var (c, a, b) = RandomProblem(50, 70, 8);
        var d = CpuSinkhornSolver.Shared.Solve(Problem(c, 50, 70, a, b));
        var f = CpuSinkhornSolver.Shared.Solve(ProblemF(c, 50, 70, a, b));
        Assert.Equal(d.Cost, f.Cost, 1e-5);
    }
}
