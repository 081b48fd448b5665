using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>
/// AnomSeer-Tiny generation with and without the KV cache at equal length, side by side: 16 prompts × 5 responses
/// (80 rows; default configuration, 1000 × 150 RGB plot and 1000-point series, ImageAndSeries, prefix ≈ 525 tokens),
/// temperature 1, top-p 1, an untrained model. Without the cache every step re-decodes the whole sequence, so the
/// length is kept short here (the 256 tokens would take about half an hour, and one call must stay under the in-process toolchain's 5-minute limit); the 256-token run with the cache is
/// <see cref="TinyPolicyFullLengthGenerationBenchmarks"/>.
/// </summary>
[TokensPerSecondColumn]
public class TinyPolicyGenerationBenchmarks
{
    private GenerationFixture? _fixture;

    /// <summary>The lengths measured: 8 new tokens (2 in the dry run; without the cache a call must stay under the in-process toolchain's 5-minute limit on a loaded 2-core machine).</summary>
    public static IEnumerable<int> Lengths => PolicyBenchmarkData.DryRun ? [2] : [8];

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
    [Benchmark(Baseline = true)]
    public int WithKvCache() => _fixture!.Generate(NewTokens, useCache: true);

    /// <summary>Full recomputation of the decoder at every step (<c>SamplingOptions.UseKeyValueCache = false</c>).</summary>
    [Benchmark]
    public int WithoutKvCache() => _fixture!.Generate(NewTokens, useCache: false);
}
