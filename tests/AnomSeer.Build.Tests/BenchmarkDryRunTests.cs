using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AnomSeer.Build.Tests;

/// <summary>Runs every benchmark once in dry mode, in process, so that benchmarks cannot rot.</summary>
public class BenchmarkDryRunTests
{
    // Heavy benchmarks (AnomSeer-Tiny generation and SFT) shrink their batches and lengths in the dry run.
    static BenchmarkDryRunTests() => Environment.SetEnvironmentVariable(AnomSeer.Benchmarks.Policy.PolicyBenchmarkData.DryRunVariable, "1");

    public static TheoryData<string> BenchmarkClasses()
    {
        var data = new TheoryData<string>();
        foreach (var t in BenchmarkTypes()) data.Add(t.FullName!);
        return data;
    }

    [Fact]
    public void There_are_benchmarks() => Assert.NotEmpty(BenchmarkTypes());

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void Benchmark_runs_in_dry_mode(string typeName)
    {
        var type = BenchmarkTypes().Single(t => t.FullName == typeName);
        var logger = new AccumulationLogger();
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(logger)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "anomseer-bdn-dry", Guid.NewGuid().ToString("N")))
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        var summary = BenchmarkRunner.Run(type, config);
        Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)) + "\n" + logger.GetLog());
        Assert.NotEmpty(summary.Reports);
        foreach (var report in summary.Reports)
            Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed:\n{logger.GetLog()}");
    }

    private static Type[] BenchmarkTypes() =>
        typeof(AnomSeer.Benchmarks.Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
}
