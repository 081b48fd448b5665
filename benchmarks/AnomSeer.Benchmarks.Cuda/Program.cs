using AnomSeer.Benchmarks.Cuda;
using BenchmarkDotNet.Running;

// Modes:
//   gpu-check [options]   correctness against the CPU solver, device timings, ceilings, one table (no BenchmarkDotNet)
//   anything else         BenchmarkDotNet (e.g. --filter '*' --job short); add --anomseer-full for full sizes
if (args.Length > 0 && args[0] == "gpu-check")
{
    try
    {
        return GpuCheck.Run(GpuCheckOptions.Parse(args[1..]), Console.Out);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}
if (args.Contains("--anomseer-full")) Environment.SetEnvironmentVariable("ANOMSEER_BENCH_FULL", "1");
BenchmarkSwitcher.FromAssembly(typeof(SinkhornBenchmarks).Assembly).Run(args.Where(a => a != "--anomseer-full").ToArray());
return 0;
