using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;

namespace AnomSeer.Benchmarks.Cuda;

/// <summary>
/// The plain check-and-time mode (no BenchmarkDotNet): opens the CUDA device (or, with --allow-cpu, ILGPU's CPU
/// accelerator), measures the device ceilings, and for each workload times the device phases, checks W against
/// the float64 CPU log-domain solver, times the CPU solver, and prints one table.
/// </summary>
public static class GpuCheck
{
    /// <summary>Largest relative difference of W from the CPU reference that passes.</summary>
    public const double Tolerance = 1e-4;

    public static int Run(GpuCheckOptions o, TextWriter output)
    {
        CudaSinkhornSolver solver;
        try
        {
            solver = CudaSinkhornSolver.CreateCuda(o.Device);
        }
        catch (CudaUnavailableException e)
        {
            output.WriteLine($"No CUDA device: {e.Message}");
            if (!o.AllowCpu)
            {
                output.WriteLine("Nothing was timed. On a machine with an NVIDIA GPU and driver, run this again; add --allow-cpu to check the tool on ILGPU's CPU accelerator.");
                return 3;
            }
            output.WriteLine("Continuing on ILGPU's CPU accelerator (--allow-cpu): numbers below are NOT GPU numbers.");
            solver = CudaSinkhornSolver.CreateCpuAccelerator();
        }

        using (solver)
        {
            var acc = solver.Accelerator;
            output.WriteLine($"Device: {acc.Name} ({solver.Name}), {acc.MemorySize / (1 << 20)} MiB, warp {acc.WarpSize}, {acc.NumMultiprocessors} multiprocessors");
            double copyBandwidth = DeviceCeilings.CopyBandwidth(acc, solver.IsCuda ? 2L << 30 : 64L << 20);
            double fma = DeviceCeilings.FmaThroughput(acc, solver.IsCuda ? acc.NumMultiprocessors * 2048 * 4 : 4096, solver.IsCuda ? 4096 : 256);
            output.WriteLine($"Measured ceilings: device-to-device copy {copyBandwidth / 1e9:F1} GB/s (read + write), float32 FMA {fma / 1e12:F2} TFLOP/s");

            var torch = LoadTorch(o.TorchJson, output);
            var reports = new List<WorkloadReport>();
            foreach (var w in Workload.All(o.Quick).Where(w => o.Workloads.Length == 0 || o.Workloads.Contains(w.Name)))
            {
                output.WriteLine($"-- {w.Name}: {w.Description}");
                var report = RunWorkload(solver, w, o, copyBandwidth);
                if (torch.TryGetValue(w.Name, out var t)) report = report with { TorchMs = t };
                reports.Add(report);
            }
            PrintTable(reports, copyBandwidth, fma, solver, output);
            if (o.OutputJson is not null) WriteJson(o.OutputJson, reports, copyBandwidth, fma, solver);
            bool ok = reports.All(r => r.Passed);
            output.WriteLine(ok ? "gpu-check: all workloads match the CPU solver." : "gpu-check: MISMATCH against the CPU solver (see the table).");
            return ok ? 0 : 1;
        }
    }

    private static WorkloadReport RunWorkload(CudaSinkhornSolver solver, Workload w, GpuCheckOptions o, double copyBandwidth)
    {
        var sinkhorn = SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain, Epsilon = w.Epsilon, MaxIterations = w.Iterations };
        int subset = Math.Min(o.CpuSubset, w.Count);
        double entries = w.Entries;
        double sinkhornBytes = (2.0 * w.Iterations + 2) * 4 * entries;
        double sinkhornFlops = (2.0 * w.Iterations + 2) * 5 * entries;
        double[] deviceW, cpuW;
        double costMs = 0, sinkhornMs, endToEnd, cpuMs, bytes = sinkhornBytes, flops = sinkhornFlops;

        if (w.FromHiddenStates)
        {
            var pairs = WorkloadData.Pairs(w);
            var options = new HiddenStateTransportOptions { Sinkhorn = sinkhorn };
            var timings = solver.ProfileHiddenStates(pairs, options, o.Repeats);
            costMs = Median(timings.CostMilliseconds);
            sinkhornMs = Median(timings.SinkhornMilliseconds);
            deviceW = timings.Results.Select(r => r.Cost).ToArray();
            long tokens = w.ResponseLengths.Sum(n => (long)n) + (long)w.Count * w.ReferenceLength;
            bytes += 4.0 * tokens * w.Dimension + 4 * entries;
            flops += 2.0 * entries * w.Dimension;
            var clock = Stopwatch.StartNew();
            solver.SolveHiddenStates(pairs, options);
            endToEnd = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            cpuW = CpuHiddenStateTransport.Shared.SolveHiddenStates(pairs.Take(subset).ToArray(), options).Select(r => r.Cost).ToArray();
            cpuMs = clock.Elapsed.TotalMilliseconds;
        }
        else
        {
            var problems = WorkloadData.Problems(w);
            var timings = solver.ProfileBatch(problems, sinkhorn, o.Repeats);
            sinkhornMs = Median(timings.SinkhornMilliseconds);
            deviceW = timings.Results.Select(r => r.Cost).ToArray();
            var clock = Stopwatch.StartNew();
            solver.SolveBatch(problems, sinkhorn);
            endToEnd = clock.Elapsed.TotalMilliseconds;
            var doubles = problems.Take(subset).Select(ToDouble).ToArray();
            clock.Restart();
            cpuW = CpuSinkhornSolver.Shared.SolveBatch(doubles, sinkhorn).Select(r => r.Cost).ToArray();
            cpuMs = clock.Elapsed.TotalMilliseconds;
        }

        double maxRel = 0;
        for (int p = 0; p < cpuW.Length; p++)
            maxRel = Math.Max(maxRel, Math.Abs(deviceW[p] - cpuW[p]) / Math.Max(Math.Abs(cpuW[p]), 1e-12));
        double subsetEntries = w.ResponseLengths.Take(subset).Sum(n => (double)n * w.ReferenceLength);
        return new WorkloadReport
        {
            Workload = w, CostMs = costMs, SinkhornMs = sinkhornMs, EndToEndMs = endToEnd,
            MinimumBytes = bytes, Flops = flops, FloorMs = bytes / copyBandwidth * 1e3,
            CpuMs = subsetEntries > 0 ? cpuMs * entries / subsetEntries : double.NaN, CpuProblems = subset, CpuExtrapolated = subset < w.Count,
            MaxRelativeErrorW = maxRel, Passed = cpuW.Length > 0 && maxRel <= Tolerance && deviceW.All(double.IsFinite),
        };
    }

    private static SinkhornProblem<double> ToDouble(SinkhornProblem<float> p) =>
        new(p.Cost.ToArray().Select(x => (double)x).ToArray(), p.Rows, p.Columns,
            p.RowMass.ToArray().Select(x => (double)x).ToArray(), p.ColumnMass.ToArray().Select(x => (double)x).ToArray());

    private static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Dictionary<string, double> LoadTorch(string? path, TextWriter output)
    {
        var result = new Dictionary<string, double>();
        if (path is null) return result;
        if (!File.Exists(path))
        {
            output.WriteLine($"No PyTorch results at {path}: the table has no PyTorch column values.");
            return result;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        output.WriteLine($"PyTorch results: {path} (GPU: {(doc.RootElement.TryGetProperty("gpu", out var g) ? g.GetString() : "?")})");
        foreach (var w in doc.RootElement.GetProperty("workloads").EnumerateObject())
            result[w.Name] = w.Value.GetProperty("total_ms").GetDouble();
        return result;
    }

    private static void PrintTable(List<WorkloadReport> reports, double copyBandwidth, double fma, CudaSinkhornSolver solver, TextWriter output)
    {
        static string F(double v, string format = "F2") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";
        output.WriteLine();
        output.WriteLine($"| workload | problems | Σ n·m | cost ms | Sinkhorn ms | device ms | end-to-end ms | floor ms | × floor | GB/s | % copy BW | GFLOP/s | % FMA | CPU ms | × vs CPU | PyTorch ms | × vs PyTorch | max rel ΔW | ok |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
        {
            double device = r.DeviceMs;
            double gbs = r.MinimumBytes / (device / 1e3) / 1e9;
            double gflops = r.Flops / (device / 1e3) / 1e9;
            string cpu = F(r.CpuMs, "F0") + (r.CpuExtrapolated ? $" (from {r.CpuProblems})" : "");
            output.WriteLine($"| {r.Workload.Name} | {r.Workload.Count} | {r.Workload.Entries:N0} | {F(r.CostMs)} | {F(r.SinkhornMs)} | {F(device)} | {F(r.EndToEndMs)} | {F(r.FloorMs)} | {F(device / r.FloorMs)} | {F(gbs, "F0")} | {F(100 * gbs * 1e9 / copyBandwidth, "F0")} | {F(gflops, "F0")} | {F(100 * gflops * 1e9 / fma, "F0")} | {cpu} | {F(r.CpuMs / device, "F1")} | {(r.TorchMs is { } t ? F(t) : "–")} | {(r.TorchMs is { } t2 ? F(t2 / device) : "–")} | {r.MaxRelativeErrorW.ToString("0.0E+0", CultureInfo.InvariantCulture)} | {(r.Passed ? "yes" : "NO")} |");
        }
        output.WriteLine();
        output.WriteLine($"device ms = cost (norms, masses, cosine cost) + Sinkhorn ({reports.FirstOrDefault()?.Workload.Iterations} iterations, final sums, read-back of W and potentials), inputs already on {solver.Name}, median of the repeats.");
        output.WriteLine("floor ms = minimum bytes / measured copy bandwidth; minimum bytes = C read twice per iteration + twice to finish (+ hidden states read once and C written once when W comes from hidden states).");
        output.WriteLine("CPU = AnomSeer's CpuSinkhornSolver (float64, log domain, all cores), scaled by Σ n·m when run on a subset. PyTorch ms = torch_sinkhorn.py on the same GPU, same sizes and algorithm, CUDA events.");
    }

    private static void WriteJson(string path, List<WorkloadReport> reports, double copyBandwidth, double fma, CudaSinkhornSolver solver)
    {
        var json = new
        {
            device = solver.Accelerator.Name,
            copy_bandwidth_gbs = copyBandwidth / 1e9,
            fma_tflops = fma / 1e12,
            workloads = reports.Select(r => new
            {
                name = r.Workload.Name, problems = r.Workload.Count, entries = r.Workload.Entries, cost_ms = r.CostMs, sinkhorn_ms = r.SinkhornMs,
                device_ms = r.DeviceMs, end_to_end_ms = r.EndToEndMs, floor_ms = r.FloorMs, cpu_ms = r.CpuMs, cpu_problems = r.CpuProblems,
                torch_ms = r.TorchMs, max_relative_error_w = r.MaxRelativeErrorW, passed = r.Passed,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }
}
