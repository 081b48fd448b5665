using static AnomSeer.OptimalTransport.Cuda.Tests.RandomProblems;

namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>The <see cref="ISinkhornSolver"/> contract on the device solver.</summary>
[Collection("ilgpu-cpu")]
public sealed class ContractTests(CpuAcceleratorFixture fixture)
{
    private readonly CudaSinkhornSolver _device = fixture.Solver;

    [Fact]
    public void Empty_sides_give_W_one_and_keep_their_place_in_the_batch()
    {
        var rng = new Random(501);
        var p = Problem(4, 6, rng);
        SinkhornProblem<float>[] batch = [new(Array.Empty<float>(), 0, 3, Array.Empty<float>(), new float[3]), AsSingle(p), new(Array.Empty<float>(), 2, 0, new float[2], Array.Empty<float>())];
        var results = _device.SolveBatch(batch, SinkhornOptions.Paper);
        Assert.Equal(1.0, results[0].Cost);
        Assert.True(results[0].IsEmpty);
        Assert.Equal(3, results[0].LogV.Count);
        Assert.False(results[1].IsEmpty);
        Assert.Equal(CpuSinkhornSolver.Shared.Solve(AsDouble(p), SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain }).Cost, results[1].Cost, 1e-4);
        Assert.Equal(1.0, results[2].Cost);
        Assert.Equal(2, results[2].LogU.Count);
    }

    [Fact]
    public void Only_empty_problems_need_no_device_work()
    {
        var results = _device.SolveBatch(new SinkhornProblem<float>[] { new(Array.Empty<float>(), 0, 0, Array.Empty<float>(), Array.Empty<float>()) }, SinkhornOptions.Paper);
        Assert.True(results[0].IsEmpty);
        Assert.Empty(_device.SolveBatch(Array.Empty<SinkhornProblem<float>>(), SinkhornOptions.Paper));
    }

    [Theory]
    [InlineData(float.NaN, "cost")]
    [InlineData(-0.5f, "cost")]
    [InlineData(float.PositiveInfinity, "row mass")]
    public void Invalid_values_throw_naming_the_problem(float bad, string what)
    {
        var rng = new Random(502);
        var p = Problem(3, 4, rng);
        if (what == "cost") p.Cost[5] = bad; else p.A[1] = bad;
        var e = Assert.Throws<ArgumentException>(() => _device.SolveBatch([AsSingle(Problem(2, 2, rng)), AsSingle(p)], SinkhornOptions.Paper));
        Assert.Equal("problems", e.ParamName);
        Assert.Contains("problems[1]", e.Message);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void Invalid_options_throw_before_any_work()
    {
        var rng = new Random(503);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _device.SolveBatch([AsSingle(Problem(2, 2, rng))], SinkhornOptions.Paper with { Epsilon = 0 }));
        Assert.Equal("Epsilon", e.ParamName);
        Assert.Throws<ArgumentNullException>(() => _device.SolveBatch((IReadOnlyList<SinkhornProblem<float>>)null!, SinkhornOptions.Paper));
    }

    [Fact]
    public void A_cancelled_token_stops_the_batch()
    {
        var rng = new Random(504);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _device.SolveBatch([AsSingle(Problem(5, 5, rng))], SinkhornOptions.Paper, cts.Token));
        // The solver is still usable afterwards.
        Assert.False(_device.SolveBatch([AsSingle(Problem(5, 5, rng))], SinkhornOptions.Paper)[0].IsEmpty);
    }

    [Fact]
    public void Device_buffers_are_reused_for_batches_that_fit()
    {
        var rng = new Random(505);
        _device.SolveBatch([AsSingle(Problem(40, 40, rng))], SinkhornOptions.Paper with { MaxIterations = 2 });
        long held = _device.PooledDeviceBytes;
        _device.SolveBatch([AsSingle(Problem(10, 30, rng)), AsSingle(Problem(20, 20, rng))], SinkhornOptions.Paper with { MaxIterations = 2 });
        Assert.Equal(held, _device.PooledDeviceBytes);
    }

    [Fact]
    public void Options_reject_a_group_size_that_is_not_a_power_of_two()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new CudaSinkhornSolverOptions { ThreadsPerGroup = 96 }.Validate());
        Assert.Equal("ThreadsPerGroup", e.ParamName);
    }

    [Fact]
    public void Names_and_precisions_describe_the_solver()
    {
        Assert.Equal("ilgpu-cpu", _device.Name);
        Assert.False(_device.IsCuda);
        Assert.Equal(SinkhornPrecisions.Single | SinkhornPrecisions.Double, _device.SupportedPrecisions);
    }
}
