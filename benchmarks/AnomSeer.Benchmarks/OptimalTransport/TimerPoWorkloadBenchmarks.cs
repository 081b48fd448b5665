using AnomSeer.OptimalTransport;
using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// The paper's per-step OT workload scaled to this machine (spec b.9 step 5): 40 responses with T_r in
/// [250, 350], reference T_e = 512, D = 256, including the cosine cost matrices (≈ 2.4 GFLOP of products),
/// softmax-of-norm masses and 50 float64 scaling iterations each (≈ 1.2 GFLOP). AnomSeer's batched
/// <see cref="GroundedTransport.Solve"/> against naive scalar loops and TorchSharp, side by side.
/// </summary>
[MemoryDiagnoser]
public class TimerPoWorkloadBenchmarks
{
    private HiddenStates[] _responses = [];
    private HiddenStates[] _references = [];
    private float[][] _rawResponses = [], _rawReferences = [];
    private Tensor[] _tResponses = [], _tReferences = [];

    /// <summary>Builds the 40 responses and 8 references.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_responses, _references) = OtBenchmarkData.Workload();
        _rawResponses = [.. _responses.Select(h => h.Values.ToArray())];
        _rawReferences = [.. _references.Select(h => h.Values.ToArray())];
        _tResponses = [.. _responses.Select(h => tensor(h.Values.ToArray(), h.Rows, h.Dimension))];
        _tReferences = [.. _references.Select(h => tensor(h.Values.ToArray(), h.Rows, h.Dimension))];
    }

    /// <summary>Frees the tensors.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var t in _tResponses.Concat(_tReferences)) t.Dispose();
    }

    /// <summary>AnomSeer: batched costs, masses and Sinkhorn, paper settings (float64).</summary>
    [Benchmark(Baseline = true)]
    public double AnomSeer() => GroundedTransport.Solve(_responses, _references).Sum(r => r.Cost);

    /// <summary>Naive scalar loops, one response after the other.</summary>
    [Benchmark]
    public double Naive()
    {
        double total = 0;
        for (int i = 0; i < _responses.Length; i++)
        {
            var x = _responses[i];
            var y = _references[i];
            var c = NaiveSinkhorn.CosineCost(_rawResponses[i], x.Rows, _rawReferences[i], y.Rows, x.Dimension);
            var a = NaiveSinkhorn.SoftmaxOfNorms(_rawResponses[i], x.Rows, x.Dimension);
            var b = NaiveSinkhorn.SoftmaxOfNorms(_rawReferences[i], y.Rows, y.Dimension);
            total += NaiveSinkhorn.Scaling(c, x.Rows, y.Rows, a, b, 0.08, 50);
        }
        return total;
    }

    /// <summary>TorchSharp CPU tensors, one response after the other (torch uses both cores inside each op).</summary>
    [Benchmark]
    public double TorchSharp()
    {
        double total = 0;
        for (int i = 0; i < _tResponses.Length; i++)
            total += TorchSinkhorn.ResponseW(_tResponses[i], _tReferences[i], 0.08, 50);
        return total;
    }
}
