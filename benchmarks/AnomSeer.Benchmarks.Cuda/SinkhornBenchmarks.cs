using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Cuda;

/// <summary>
/// BenchmarkDotNet suite: one SolveBatch call (upload, iterations, read-back) of the quick-size workloads on the
/// provider the probe picks (CUDA on a GPU machine, otherwise the CPU solver), against the CPU solver. Use
/// <c>--anomseer-full</c> for the full-size workloads on a GPU.
/// </summary>
[MemoryDiagnoser]
public class SinkhornBenchmarks
{
    private SinkhornProviderChoice _choice = null!;
    private SinkhornProblem<float>[] _problems = [];
    private SinkhornOptions _options = SinkhornOptions.Paper;

    /// <summary>Set from the command line by Program (BenchmarkDotNet runs each case in a child process, so via an environment variable).</summary>
    public static bool Full => Environment.GetEnvironmentVariable("ANOMSEER_BENCH_FULL") == "1";

    [Params("paper-step-full", "single-4096")]
    public string Workload { get; set; } = "paper-step-full";

    [GlobalSetup]
    public void Setup()
    {
        _choice = SinkhornProviderProbe.Select();
        var w = Cuda.Workload.All(!Full).Single(x => x.Name == Workload);
        _problems = WorkloadData.Problems(w);
        _options = SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain, Epsilon = w.Epsilon, MaxIterations = w.Iterations };
    }

    [GlobalCleanup]
    public void Cleanup() => _choice.Dispose();

    [Benchmark(Description = "probe-selected solver")]
    public SinkhornResult[] Selected() => _choice.Solver.SolveBatch(_problems, _options);

    [Benchmark(Baseline = true, Description = "CpuSinkhornSolver float32")]
    public SinkhornResult[] Cpu() => CpuSinkhornSolver.Shared.SolveBatch(_problems, _options);
}
