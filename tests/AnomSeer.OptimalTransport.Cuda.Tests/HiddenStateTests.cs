using static AnomSeer.OptimalTransport.Cuda.Tests.RandomProblems;

namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>The fused device path (norms, masses, cosine cost, Sinkhorn, W) against the CPU composition.</summary>
[Collection("ilgpu-cpu")]
public sealed class HiddenStateTests(CpuAcceleratorFixture fixture)
{
    private readonly CudaSinkhornSolver _device = fixture.Solver;

    [Theory]
    [InlineData(0.01, TokenMassKind.SoftmaxOfNorms, 37, 401)]
    [InlineData(0.08, TokenMassKind.SoftmaxOfNorms, 70, 402)]
    [InlineData(1.0, TokenMassKind.Uniform, 8, 403)]
    public void Fused_path_matches_the_cpu_cost_masses_and_solver(double epsilon, TokenMassKind masses, int dimension, int seed)
    {
        var rng = new Random(seed);
        var centres = Centres(5, dimension, rng);
        (int, int)[] sizes = [(1, 1), (1, 6), (9, 1), (13, 21), (40, 17), (0, 5), (6, 0)];
        var pairs = sizes.Select(s => new HiddenStatePair(Hidden(s.Item1, dimension, centres, rng), Hidden(s.Item2, dimension, centres, rng))).ToArray();
        var options = new HiddenStateTransportOptions
        {
            Masses = masses,
            Sinkhorn = SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain, Epsilon = epsilon, ReturnPlan = true },
        };

        var expected = CpuHiddenStateTransport.Shared.SolveHiddenStates(pairs, options);
        var actual = _device.SolveHiddenStates(pairs, options);

        for (int p = 0; p < pairs.Length; p++)
            EquivalenceTests.AssertMatches(expected[p], actual[p], sizes[p].Item1, sizes[p].Item2, $"ε={epsilon} pair {p}");
        Assert.Equal(1.0, actual[5].Cost);
        Assert.True(actual[5].IsEmpty && actual[6].IsEmpty);
    }

    [Fact]
    public void Device_cost_and_masses_equal_the_cpu_ones()
    {
        // One iteration at a huge ε leaves the plan ≈ a bᵀ, so W ≈ Σ a_i b_j C_ij: a direct check of cost and masses.
        var rng = new Random(404);
        var centres = Centres(3, 19, rng);
        var pair = new HiddenStatePair(Hidden(23, 19, centres, rng), Hidden(11, 19, centres, rng));
        var a = new double[23];
        var b = new double[11];
        TokenMass.SoftmaxOfNorms(pair.Response, a);
        TokenMass.SoftmaxOfNorms(pair.Reference, b);
        var c = CosineCost.Compute(pair.Response, pair.Reference);
        double expected = 0;
        for (int i = 0; i < 23; i++)
            for (int j = 0; j < 11; j++) expected += a[i] * b[j] * c[i * 11 + j];

        var options = new HiddenStateTransportOptions { Sinkhorn = SinkhornOptions.Paper with { Epsilon = 1e6, MaxIterations = 1 } };
        double w = _device.SolveHiddenStates([pair], options)[0].Cost;
        Assert.Equal(expected, w, expected * 1e-5);
    }

    [Fact]
    public void Mismatched_dimensions_are_rejected_naming_the_pair()
    {
        var rng = new Random(405);
        var centres4 = Centres(2, 4, rng);
        var centres5 = Centres(2, 5, rng);
        var good = new HiddenStatePair(Hidden(3, 4, centres4, rng), Hidden(2, 4, centres4, rng));
        var bad = new HiddenStatePair(Hidden(3, 5, centres5, rng), Hidden(2, 5, centres5, rng));
        var e = Assert.Throws<ArgumentException>(() => _device.SolveHiddenStates([good, bad]));
        Assert.Equal("pairs", e.ParamName);
        Assert.Contains("pairs[1]", e.Message);
    }
}
