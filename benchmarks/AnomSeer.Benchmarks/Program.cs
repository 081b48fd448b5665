using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace AnomSeer.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project benchmarks/AnomSeer.Benchmarks -- --filter '*'</c>
/// (any BenchmarkDotNet arguments: <c>--job short</c>, <c>--list flat</c>, ...). Results are reported with
/// the invariant culture so that tables read the same on every machine.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen by <paramref name="args"/>.</summary>
    public static void Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, CreateConfig());
    }

    /// <summary>The default configuration with the invariant culture.</summary>
    public static IConfig CreateConfig() => DefaultConfig.Instance.WithCultureInfo(CultureInfo.InvariantCulture);
}
