using static AnomSeer.OptimalTransport.Cuda.Tests.RandomProblems;

namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>The device kernels (on ILGPU's CPU accelerator) against the float64 CPU log-domain solver.</summary>
[Collection("ilgpu-cpu")]
public sealed class EquivalenceTests(CpuAcceleratorFixture fixture)
{
    private readonly CudaSinkhornSolver _device = fixture.Solver;

    private static SinkhornOptions Options(double epsilon) => SinkhornOptions.Paper with
    {
        Method = SinkhornMethod.LogDomain, Epsilon = epsilon, ReturnPlan = true,
    };

    /// <summary>W within 1e-4 relative, each plan marginal within 1e-5, same iteration count and marginal error.</summary>
    internal static void AssertMatches(SinkhornResult expected, SinkhornResult actual, int n, int m, string label)
    {
        Assert.Equal(expected.IsEmpty, actual.IsEmpty);
        Assert.Equal(expected.Iterations, actual.Iterations);
        double relative = Math.Abs(actual.Cost - expected.Cost) / Math.Max(Math.Abs(expected.Cost), 1e-12);
        Assert.True(relative <= 1e-4, $"{label}: W {actual.Cost:R} vs CPU {expected.Cost:R} (relative {relative:E2}).");
        if (expected.Plan is null) return;
        var (er, ec) = Marginals(expected.Plan, n, m);
        var (ar, ac) = Marginals(actual.Plan!, n, m);
        for (int i = 0; i < n; i++)
            Assert.True(Math.Abs(er[i] - ar[i]) <= 1e-5, $"{label}: row marginal {i}: {ar[i]:R} vs CPU {er[i]:R}.");
        for (int j = 0; j < m; j++)
            Assert.True(Math.Abs(ec[j] - ac[j]) <= 1e-5, $"{label}: column marginal {j}: {ac[j]:R} vs CPU {ec[j]:R}.");
        Assert.True(Math.Abs(expected.MarginalError - actual.MarginalError) <= 1e-5,
            $"{label}: marginal error {actual.MarginalError:R} vs CPU {expected.MarginalError:R}.");
    }

    [Theory]
    [InlineData(0.01, 101)]
    [InlineData(0.08, 103)]
    [InlineData(1.0, 105)]
    public void Mixed_small_batch_matches_the_cpu_log_domain_solver(double epsilon, int seed)
    {
        var rng = new Random(seed);
        var sizes = new List<(int, int)> { (1, 1), (1, 9), (11, 1), (3, 3) };
        for (int k = 0; k < 8; k++) sizes.Add((rng.Next(1, 33), rng.Next(1, 41)));
        var raw = sizes.Select(s => Problem(s.Item1, s.Item2, rng)).ToArray();
        var options = Options(epsilon);

        var expected = CpuSinkhornSolver.Shared.SolveBatch(raw.Select(AsDouble).ToArray(), options);
        var actual = _device.SolveBatch(raw.Select(AsSingle).ToArray(), options);

        for (int p = 0; p < raw.Length; p++)
            AssertMatches(expected[p], actual[p], raw[p].A.Length, raw[p].B.Length, $"ε={epsilon} problem {p} ({raw[p].A.Length}×{raw[p].B.Length})");
    }

    [Theory]
    [InlineData(0.01, 201)]
    public void Large_mixed_batch_matches_the_cpu_log_domain_solver(double epsilon, int seed)
    {
        var rng = new Random(seed);
        (int, int)[] sizes = [(300, 512), (1, 512), (300, 1), (97, 130)];
        var raw = sizes.Select(s => Problem(s.Item1, s.Item2, rng)).ToArray();
        var options = Options(epsilon);

        var expected = CpuSinkhornSolver.Shared.SolveBatch(raw.Select(AsDouble).ToArray(), options);
        var actual = _device.SolveBatch(raw.Select(AsSingle).ToArray(), options);

        for (int p = 0; p < raw.Length; p++)
            AssertMatches(expected[p], actual[p], raw[p].A.Length, raw[p].B.Length, $"ε={epsilon} problem {p}");
    }

    [Fact]
    public void Float64_problems_are_solved_like_their_float32_values()
    {
        var rng = new Random(301);
        var raw = new[] { Problem(17, 23, rng), Problem(40, 5, rng), Problem(2, 2, rng) };
        var options = Options(0.3);
        var expected = CpuSinkhornSolver.Shared.SolveBatch(raw.Select(AsDouble).ToArray(), options);
        var actual = _device.SolveBatch(raw.Select(AsDouble).ToArray(), options);
        for (int p = 0; p < raw.Length; p++)
            AssertMatches(expected[p], actual[p], raw[p].A.Length, raw[p].B.Length, $"problem {p}");
    }

    [Fact]
    public void Early_stopping_stops_each_problem_at_the_same_check_as_the_cpu_solver()
    {
        // ε large converges in a few dozen iterations, ε small does not: both kinds in one batch.
        var rng = new Random(302);
        var raw = new[] { Problem(12, 20, rng), Problem(30, 9, rng), Problem(25, 25, rng) };
        var options = Options(0.5) with { Tolerance = 1e-4, CheckEvery = 5, MaxIterations = 200 };
        var expected = CpuSinkhornSolver.Shared.SolveBatch(raw.Select(AsDouble).ToArray(), options);
        var actual = _device.SolveBatch(raw.Select(AsSingle).ToArray(), options);
        Assert.Contains(expected, r => r.Iterations < options.MaxIterations);
        for (int p = 0; p < raw.Length; p++)
        {
            AssertMatches(expected[p], actual[p], raw[p].A.Length, raw[p].B.Length, $"problem {p}");
            Assert.Equal(expected[p].Converged, actual[p].Converged);
        }
    }

    [Fact]
    public void A_problem_gives_the_same_result_alone_and_in_a_batch()
    {
        var rng = new Random(303);
        var raw = new[] { Problem(9, 31, rng), Problem(33, 7, rng), Problem(5, 5, rng) };
        var options = Options(0.08);
        var batch = _device.SolveBatch(raw.Select(AsSingle).ToArray(), options);
        var alone = _device.SolveBatch([AsSingle(raw[1])], options);
        Assert.Equal(batch[1].Cost, alone[0].Cost);
        Assert.Equal(batch[1].LogU, alone[0].LogU);
        Assert.Equal(batch[1].LogV, alone[0].LogV);
    }
}
