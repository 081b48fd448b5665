using AnomSeer.OptimalTransport;
using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// The TorchSharp peer pinned to one intra-op thread (<c>torch.set_num_threads(1)</c>), next to AnomSeer's
/// solver limited to one thread, on the 512 × 512 float64/float32 problems and the TimerPO workload. On a
/// shared, oversubscribed machine TorchSharp's thread pool suffers more than .NET's; this isolates the
/// per-thread efficiency of both.
/// </summary>
[MemoryDiagnoser]
public class TorchSharpOneThreadBenchmarks
{
    private const int N = 512;
    private int _previousThreads;
    private SinkhornProblem<double> _problem;
    private SinkhornProblem<float> _problemF;
    private SinkhornOptions _oneThread = SinkhornOptions.Paper;
    private Tensor? _tc, _ta, _tb, _tcf, _taf, _tbf;
    private HiddenStates[] _responses = [], _references = [];
    private Tensor[] _tResponses = [], _tReferences = [];

    /// <summary>Builds the inputs and pins TorchSharp to one thread.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (c, a, b) = OtBenchmarkData.Problem(N, N, 7);
        float[] cf = [.. c.Select(x => (float)x)], af = [.. a.Select(x => (float)x)], bf = [.. b.Select(x => (float)x)];
        _problem = new SinkhornProblem<double>(c, N, N, a, b);
        _problemF = new SinkhornProblem<float>(cf, N, N, af, bf);
        _oneThread = SinkhornOptions.Paper with { MaxDegreeOfParallelism = 1 };
        _tc = tensor(c, N, N);
        _ta = tensor(a);
        _tb = tensor(b);
        _tcf = tensor(cf, N, N);
        _taf = tensor(af);
        _tbf = tensor(bf);
        (_responses, _references) = OtBenchmarkData.Workload();
        _tResponses = [.. _responses.Select(h => tensor(h.Values.ToArray(), h.Rows, h.Dimension))];
        _tReferences = [.. _references.Select(h => tensor(h.Values.ToArray(), h.Rows, h.Dimension))];
        _previousThreads = get_num_threads();
        set_num_threads(1);
    }

    /// <summary>Restores the thread count and frees the tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        set_num_threads(_previousThreads);
        foreach (var t in new[] { _tc, _ta, _tb, _tcf, _taf, _tbf }.Concat(_tResponses).Concat(_tReferences)) t?.Dispose();
    }

    /// <summary>AnomSeer, scaling form, float64, one thread.</summary>
    [Benchmark]
    public double Scaling64_AnomSeer_1T() => CpuSinkhornSolver.Shared.Solve(_problem, _oneThread).Cost;

    /// <summary>TorchSharp, float64, one thread.</summary>
    [Benchmark]
    public double Scaling64_TorchSharp_1T() => TorchSinkhorn.Scaling(_tc!, _ta!, _tb!, 0.08, 50, 1e-300, 1e300);

    /// <summary>AnomSeer, scaling form, float32, one thread.</summary>
    [Benchmark]
    public double Scaling32_AnomSeer_1T() => CpuSinkhornSolver.Shared.Solve(_problemF, _oneThread).Cost;

    /// <summary>TorchSharp, float32, one thread.</summary>
    [Benchmark]
    public double Scaling32_TorchSharp_1T() => TorchSinkhorn.Scaling(_tcf!, _taf!, _tbf!, 0.08, 50, 1e-37, 1e37);

    /// <summary>AnomSeer, the TimerPO workload, one thread.</summary>
    [Benchmark]
    public double Workload_AnomSeer_1T() =>
        GroundedTransport.Solve(_responses, _references, TimerPoAdvantageOptions.Paper with { Sinkhorn = _oneThread }).Sum(r => r.Cost);

    /// <summary>TorchSharp, the TimerPO workload, one thread.</summary>
    [Benchmark]
    public double Workload_TorchSharp_1T()
    {
        double total = 0;
        for (int i = 0; i < _tResponses.Length; i++)
            total += TorchSinkhorn.ResponseW(_tResponses[i], _tReferences[i], 0.08, 50);
        return total;
    }
}
