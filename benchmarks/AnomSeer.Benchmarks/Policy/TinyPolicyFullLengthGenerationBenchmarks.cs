using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>
/// The generation benchmark with the KV cache: 16 prompts × 5 responses of 256 tokens (80 rows, default
/// configuration, untrained model, temperature 1, top-p 1). Without the cache this length takes about half an hour, so
/// that comparison is made at a shorter length in <see cref="TinyPolicyGenerationBenchmarks"/>.
/// </summary>
[TokensPerSecondColumn]
public class TinyPolicyFullLengthGenerationBenchmarks
{
    private GenerationFixture? _fixture;

    /// <summary>The lengths measured: 256 new tokens (2 in the dry run).</summary>
    public static IEnumerable<int> Lengths => PolicyBenchmarkData.DryRun ? [2] : [256];

    /// <summary>Generated tokens per response (every row runs to this length; see <see cref="TokensPerSecondColumn"/>).</summary>
    [ParamsSource(nameof(Lengths))]
    public int NewTokens { get; set; }

    /// <summary>Builds the model and the prompts.</summary>
    [GlobalSetup]
    public void Setup() => _fixture = new GenerationFixture();

    /// <summary>Prints the token counts of the last generation and frees the model.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine(_fixture!.Describe(NewTokens));
        _fixture.Dispose();
    }

    /// <summary>KV-cached decoding (the default).</summary>
    [Benchmark]
    public int WithKvCache() => _fixture!.Generate(NewTokens, useCache: true);
}
