using Microsoft.Extensions.Logging;
using static AnomSeer.OptimalTransport.Tests.ReferenceSinkhorn;

namespace AnomSeer.OptimalTransport.Tests;

public class SinkhornContractTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(4, 0)]
    [InlineData(0, 0)]
    public void Empty_side_gives_W_of_one(int n, int m)
    {
        var problem = new SinkhornProblem<double>(new double[n * m], n, m, Enumerable.Repeat(1.0, n).ToArray(), Enumerable.Repeat(1.0, m).ToArray());
        var r = CpuSinkhornSolver.Shared.Solve(problem);
        Assert.True(r.IsEmpty);
        Assert.Equal(1.0, r.Cost);
        Assert.Equal(0, r.Iterations);
    }

    [Fact]
    public void Size_mismatch_throws_naming_the_buffer()
    {
        Assert.Equal("cost", Assert.Throws<ArgumentException>(() => new SinkhornProblem<double>(new double[5], 2, 3, new double[2], new double[3])).ParamName);
        Assert.Equal("rowMass", Assert.Throws<ArgumentException>(() => new SinkhornProblem<double>(new double[6], 2, 3, new double[3], new double[3])).ParamName);
        Assert.Equal("columnMass", Assert.Throws<ArgumentException>(() => new SinkhornProblem<double>(new double[6], 2, 3, new double[2], new double[2])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SinkhornProblem<double>(new double[0], -1, 3, new double[0], new double[3]));
    }

    public static TheoryData<string, double[], double[], double[]> BadValues => new()
    {
        { "negative row mass", [1, 1, 1, 1], [0.5, -0.1], [0.5, 0.5] },
        { "NaN column mass", [1, 1, 1, 1], [0.5, 0.5], [double.NaN, 0.5] },
        { "infinite cost", [1, double.PositiveInfinity, 1, 1], [0.5, 0.5], [0.5, 0.5] },
        { "negative cost", [1, -1e-3, 1, 1], [0.5, 0.5], [0.5, 0.5] },
        { "NaN cost", [1, 1, double.NaN, 1], [0.5, 0.5], [0.5, 0.5] },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Invalid_values_throw_naming_the_argument(string what, double[] c, double[] a, double[] b)
    {
        var ex = Assert.Throws<ArgumentException>(() => CpuSinkhornSolver.Shared.Solve(Problem(c, 2, 2, a, b)));
        Assert.Equal("problem", ex.ParamName);
        var batch = Assert.Throws<ArgumentException>(() => CpuSinkhornSolver.Shared.SolveBatch([Problem([0, 0, 0, 0], 2, 2, [1, 1], [1, 1]), Problem(c, 2, 2, a, b)], SinkhornOptions.Paper));
        Assert.Equal("problems", batch.ParamName);
        Assert.Contains("problems[1]", batch.Message);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void Negative_zero_is_a_valid_cost()
    {
        var r = CpuSinkhornSolver.Shared.Solve(Problem([-0.0, 1, 1, 0], 2, 2, [1, 1], [1, 1]));
        Assert.True(double.IsFinite(r.Cost));
    }

    [Theory]
    [InlineData(0.0, "Epsilon")]
    [InlineData(-0.1, "Epsilon")]
    [InlineData(double.NaN, "Epsilon")]
    public void Non_positive_epsilon_throws(double eps, string name)
    {
        var (c, a, b) = RandomProblem(3, 3, 61);
        var ex = Assert.ThrowsAny<ArgumentException>(() => CpuSinkhornSolver.Shared.Solve(Problem(c, 3, 3, a, b), new SinkhornOptions { Epsilon = eps }));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Other_invalid_options_throw_naming_the_setting()
    {
        Assert.Equal("MaxIterations", Assert.ThrowsAny<ArgumentException>(() => new SinkhornOptions { MaxIterations = 0 }.Validate()).ParamName);
        Assert.Equal("Tolerance", Assert.ThrowsAny<ArgumentException>(() => new SinkhornOptions { Tolerance = -1 }.Validate()).ParamName);
        Assert.Equal("CheckEvery", Assert.ThrowsAny<ArgumentException>(() => new SinkhornOptions { CheckEvery = 0 }.Validate()).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.ThrowsAny<ArgumentException>(() => new SinkhornOptions { MaxDegreeOfParallelism = 0 }.Validate()).ParamName);
    }

    [Fact]
    public void Non_convergence_is_flagged_and_logged_as_a_warning()
    {
        var (c, a, b) = RandomProblem(30, 30, 62);
        var logger = new RecordingLogger();
        var solver = new CpuSinkhornSolver(logger);
        var r = solver.Solve(Problem(c, 30, 30, a, b), new SinkhornOptions { Epsilon = 0.01, MaxIterations = 2, Tolerance = 1e-9 });
        Assert.False(r.Converged);
        Assert.Equal(2, r.Iterations);
        Assert.True(r.MarginalError > 1e-9);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("did not converge", entry.Message);

        var ok = solver.Solve(Problem(c, 30, 30, a, b), new SinkhornOptions { Epsilon = 1.0, MaxIterations = 1000, Tolerance = 1e-9 });
        Assert.True(ok.Converged);
        Assert.Single(logger.Entries);
    }

    [Fact]
    public void Batch_of_mixed_sizes_equals_single_solves_and_is_deterministic()
    {
        var problems = new List<SinkhornProblem<double>>();
        var singles = new List<double>();
        for (int p = 0; p < 13; p++)
        {
            int n = 3 + 17 * p % 50, m = 60 - 3 * p;
            var (c, a, b) = RandomProblem(n, m, 100 + p);
            problems.Add(Problem(c, n, m, a, b));
        }
        problems.Insert(5, new SinkhornProblem<double>(Array.Empty<double>(), 0, 4, Array.Empty<double>(), new double[4]));
        foreach (var method in new[] { SinkhornMethod.Scaling, SinkhornMethod.LogDomain })
        {
            var options = SinkhornOptions.Paper with { Method = method };
            var serial = problems.Select(p => CpuSinkhornSolver.Shared.Solve(p, options).Cost).ToArray();
            var batch = CpuSinkhornSolver.Shared.SolveBatch(problems, options).Select(r => r.Cost).ToArray();
            var one = CpuSinkhornSolver.Shared.SolveBatch(problems, options with { MaxDegreeOfParallelism = 1 }).Select(r => r.Cost).ToArray();
            Assert.Equal(serial, batch);
            Assert.Equal(serial, one);
            Assert.Equal(1.0, batch[5]);
        }
    }

    [Theory]
    [InlineData(SinkhornMethod.Scaling)]
    [InlineData(SinkhornMethod.LogDomain)]
    public void Large_single_problem_split_across_threads_equals_the_serial_solve_bit_for_bit(SinkhornMethod method)
    {
        var (c, a, b) = RandomProblem(300, 256, 65);
        var problem = Problem(c, 300, 256, a, b);
        var options = SinkhornOptions.Paper with { Method = method };
        var split = CpuSinkhornSolver.Shared.Solve(problem, options);                       // row blocks in parallel
        var serial = CpuSinkhornSolver.Shared.SolveBatch([problem, problem], options);      // rows serial per problem
        var oneThread = CpuSinkhornSolver.Shared.Solve(problem, options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(serial[0].Cost, split.Cost);
        Assert.Equal(oneThread.Cost, split.Cost);
        Assert.Equal(serial[1].LogU, split.LogU);
        Assert.Equal(serial[1].LogV, split.LogV);
        var (wRef, _) = Scaling(c, 300, 256, a, b, 0.08, 50);
        Assert.Equal(wRef, split.Cost, 1e-10 * wRef);
    }

    [Fact]
    public void Float32_batch_through_the_interface()
    {
        ISinkhornSolver solver = CpuSinkhornSolver.Shared;
        Assert.Equal(SinkhornPrecisions.Single | SinkhornPrecisions.Double, solver.SupportedPrecisions);
        var (c, a, b) = RandomProblem(12, 9, 63);
        var viaInterface = solver.Solve(ProblemF(c, 12, 9, a, b));
        var direct = CpuSinkhornSolver.Shared.Solve(ProblemF(c, 12, 9, a, b));
        Assert.Equal(direct.Cost, viaInterface.Cost);
    }

    [Fact]
    public void Cancellation_throws()
    {
        var (c, a, b) = RandomProblem(20, 20, 64);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CpuSinkhornSolver.Shared.Solve(Problem(c, 20, 20, a, b), null, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => CpuSinkhornSolver.Shared.SolveBatch([Problem(c, 20, 20, a, b), Problem(c, 20, 20, a, b)], SinkhornOptions.Paper, cts.Token));
    }

    private sealed class RecordingLogger : ILogger<CpuSinkhornSolver>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
