using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AnomSeer.Benchmarks.Policy;

/// <summary>
/// "Tokens/s": <see cref="PolicyBenchmarkData.Rows"/> × <c>NewTokens</c> divided by the mean time, i.e. decoding steps
/// times rows per second. Every row is computed at every step (a row that has sampled the end-of-sequence token is
/// fed padding until the last row ends), so this is the work done; the sampled token count is printed at cleanup.
/// </summary>
public sealed class TokensPerSecondColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(TokensPerSecondColumn);

    /// <inheritdoc/>
    public string ColumnName => "Tokens/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Rows × NewTokens / Mean (decoding throughput, all rows computed at every step)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || !(stats.Mean > 0) || benchmarkCase.Parameters["NewTokens"] is not int newTokens) return "NA";
        double tokens = (double)PolicyBenchmarkData.Rows * newTokens;
        return (tokens / (stats.Mean / 1e9)).ToString("N1", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Adds the <see cref="TokensPerSecondColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TokensPerSecondColumnAttribute() : ColumnConfigBaseAttribute(new TokensPerSecondColumn());
