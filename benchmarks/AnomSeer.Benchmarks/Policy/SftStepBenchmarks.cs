using AnomSeer.Policy.Tiny;
using AnomSeer.Training;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>
/// One <see cref="SftTrainer.Step"/> of AnomSeer-Tiny (default configuration, ImageAndSeries) on a batch of 16 real
/// AnomLLM-style training examples (two per task; plot, series and ExpCoT from <see cref="TimerPoExampleFactory"/>,
/// targets from <see cref="SftTargets"/>): teacher-forced scoring with the anomaly head, the joint loss, backward,
/// clipping and the AdamW update.
/// </summary>
public class SftStepBenchmarks
{
    private TinyPolicyModel? _model;
    private SftTrainer? _trainer;
    private TimerPoExample[] _batch = [];

    /// <summary>Builds the model, the trainer and the batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = PolicyBenchmarkData.UntrainedModel();
        _batch = PolicyBenchmarkData.Examples(PolicyBenchmarkData.SftBatch);
        _trainer = new SftTrainer(_model, new SftOptions { BatchSize = _batch.Length });
    }

    /// <summary>Prints the batch's token counts and frees the trainer and the model.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        var lengths = _batch.Select(e => _model!.EncodeResponse(e.Input, SftTargets.Text(e)).Count).ToArray();
        Console.WriteLine($"// SFT step: batch {_batch.Length}, {lengths.Sum()} target tokens (max {lengths.Max()}), " +
                          $"{_model!.ParameterCount:N0} parameters, torch threads {TorchSharp.torch.get_num_threads()}");
        _trainer?.Dispose();
        _model?.Dispose();
    }

    /// <summary>One SFT step; returns its loss.</summary>
    [Benchmark]
    public double Step() => _trainer!.Step(_batch).Loss;
}
