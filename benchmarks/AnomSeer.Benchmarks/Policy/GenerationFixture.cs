using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>The model and prompts of the generation benchmarks, and the counts of the last generation.</summary>
internal sealed class GenerationFixture : IDisposable
{
    private readonly TinyPolicyModel _model;
    private readonly PolicyInput[] _prompts;
    private int _sampledTokens, _steps;

    public GenerationFixture()
    {
        _model = PolicyBenchmarkData.UntrainedModel();
        _prompts = PolicyBenchmarkData.Examples(PolicyBenchmarkData.Prompts).Select(e => e.Input).ToArray();
    }

    /// <summary>Samples responses for every prompt at the paper's rollout settings (temperature 1, top-p 1) with a fixed
    /// seed; returns the number of sampled tokens.</summary>
    public int Generate(int newTokens, bool useCache)
    {
        var responses = _model.Sample(_prompts, new SamplingOptions
        {
            ResponsesPerPrompt = PolicyBenchmarkData.ResponsesPerPrompt,
            Temperature = 1.0,
            TopP = 1.0,
            MaxNewTokens = newTokens,
            Seed = 1,
            UseKeyValueCache = useCache,
        });
        _sampledTokens = responses.Sum(r => r.TokenIds.Count);
        _steps = responses.Max(r => r.TokenIds.Count);
        return _sampledTokens;
    }

    /// <summary>One line for the log: rows, steps run and tokens actually sampled (end-of-sequence included).</summary>
    public string Describe(int newTokens) =>
        $"// AnomSeer-Tiny generation: {PolicyBenchmarkData.Rows} rows, {_steps} of {newTokens} steps run, {_sampledTokens} tokens sampled " +
        $"of {PolicyBenchmarkData.Rows * newTokens} row-steps; {_model.ParameterCount:N0} parameters, vocabulary {_model.Tokenizer.Count}, " +
        $"torch threads {TorchSharp.torch.get_num_threads()}";

    public void Dispose() => _model.Dispose();
}
