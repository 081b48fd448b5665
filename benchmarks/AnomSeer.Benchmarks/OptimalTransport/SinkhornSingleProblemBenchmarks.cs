using AnomSeer.OptimalTransport;
using BenchmarkDotNet.Attributes;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// One 512 × 512 problem, ε = 0.08, 50 iterations (4·512²·50 = 52.4 MFLOP for the scaling form), float64 and
/// float32: AnomSeer's <see cref="CpuSinkhornSolver"/> against the naive scalar loops and TorchSharp CPU
/// tensors, side by side. Targets: ≥ 2× TorchSharp, ≥ 5× naive.
/// </summary>
[MemoryDiagnoser]
public class SinkhornSingleProblemBenchmarks
{
    private const int N = 512;
    private const int Iterations = 50;
    private const double Epsilon = 0.08;

    private double[] _c = [], _a = [], _b = [];
    private float[] _cf = [], _af = [], _bf = [];
    private SinkhornProblem<double> _problem;
    private SinkhornProblem<float> _problemF;
    private SinkhornOptions _scaling = SinkhornOptions.Paper;
    private SinkhornOptions _log = SinkhornOptions.Paper;
    private Tensor? _tc, _ta, _tb, _tcf, _taf, _tbf;

    /// <summary>Builds the problem in every representation.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_c, _a, _b) = OtBenchmarkData.Problem(N, N, 7);
        _cf = [.. _c.Select(x => (float)x)];
        _af = [.. _a.Select(x => (float)x)];
        _bf = [.. _b.Select(x => (float)x)];
        _problem = new SinkhornProblem<double>(_c, N, N, _a, _b);
        _problemF = new SinkhornProblem<float>(_cf, N, N, _af, _bf);
        _scaling = SinkhornOptions.Paper with { Epsilon = Epsilon, MaxIterations = Iterations };
        _log = _scaling with { Method = SinkhornMethod.LogDomain };
        _tc = tensor(_c, N, N);
        _ta = tensor(_a);
        _tb = tensor(_b);
        _tcf = tensor(_cf, N, N);
        _taf = tensor(_af);
        _tbf = tensor(_bf);
    }

    /// <summary>Frees the tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var t in new[] { _tc, _ta, _tb, _tcf, _taf, _tbf }) t?.Dispose();
    }

    /// <summary>AnomSeer, scaling form, float64.</summary>
    [Benchmark(Baseline = true)]
    public double Scaling64_AnomSeer() => CpuSinkhornSolver.Shared.Solve(_problem, _scaling).Cost;

    /// <summary>Naive scalar loops, float64.</summary>
    [Benchmark]
    public double Scaling64_Naive() => NaiveSinkhorn.Scaling(_c, N, N, _a, _b, Epsilon, Iterations);

    /// <summary>TorchSharp tensors, float64.</summary>
    [Benchmark]
    public double Scaling64_TorchSharp() => TorchSinkhorn.Scaling(_tc!, _ta!, _tb!, Epsilon, Iterations, 1e-300, 1e300);

    /// <summary>AnomSeer, scaling form, float32.</summary>
    [Benchmark]
    public double Scaling32_AnomSeer() => CpuSinkhornSolver.Shared.Solve(_problemF, _scaling).Cost;

    /// <summary>Naive scalar loops, float32.</summary>
    [Benchmark]
    public double Scaling32_Naive() => NaiveSinkhorn.Scaling(_cf, N, N, _af, _bf, (float)Epsilon, Iterations);

    /// <summary>TorchSharp tensors, float32.</summary>
    [Benchmark]
    public double Scaling32_TorchSharp() => TorchSinkhorn.Scaling(_tcf!, _taf!, _tbf!, Epsilon, Iterations, 1e-37, 1e37);

    /// <summary>AnomSeer, log domain, float64.</summary>
    [Benchmark]
    public double LogDomain64_AnomSeer() => CpuSinkhornSolver.Shared.Solve(_problem, _log).Cost;

    /// <summary>TorchSharp <c>logsumexp</c>, float64.</summary>
    [Benchmark]
    public double LogDomain64_TorchSharp() => TorchSinkhorn.LogDomain(_tc!, _ta!, _tb!, Epsilon, Iterations);

    /// <summary>AnomSeer, log domain, float32.</summary>
    [Benchmark]
    public double LogDomain32_AnomSeer() => CpuSinkhornSolver.Shared.Solve(_problemF, _log).Cost;

    /// <summary>TorchSharp <c>logsumexp</c>, float32.</summary>
    [Benchmark]
    public double LogDomain32_TorchSharp() => TorchSinkhorn.LogDomain(_tcf!, _taf!, _tbf!, Epsilon, Iterations);
}
