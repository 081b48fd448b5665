namespace AnomSeer.Benchmarks.Cuda;

/// <summary>Command-line settings of the gpu-check mode.</summary>
public sealed record GpuCheckOptions
{
    public bool Quick { get; init; }
    public bool AllowCpu { get; init; }
    public int Device { get; init; }
    public int Repeats { get; init; } = 5;
    public int CpuSubset { get; init; } = 32;
    public string? TorchJson { get; init; }
    public string? OutputJson { get; init; }
    public string[] Workloads { get; init; } = [];

    public const string Usage = """
        gpu-check [--quick] [--allow-cpu] [--device N] [--repeats N] [--cpu-subset N|all]
                  [--workload paper-step|paper-step-full|single-4096 ...] [--torch torch.json] [--json out.json]
          --quick        small sizes (for checking the tool itself, e.g. on ILGPU's CPU accelerator)
          --allow-cpu    without a CUDA device, run on ILGPU's CPU accelerator instead of exiting with code 3
          --cpu-subset   problems of each workload solved by the CPU solver (check + timing, scaled by entries); default 32
          --torch        JSON written by torch_sinkhorn.py: adds the PyTorch times and ratios to the table
        """;

    public static GpuCheckOptions Parse(string[] args)
    {
        var o = new GpuCheckOptions();
        var workloads = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": o = o with { Quick = true }; break;
                case "--allow-cpu": o = o with { AllowCpu = true }; break;
                case "--device": o = o with { Device = int.Parse(Next()) }; break;
                case "--repeats": o = o with { Repeats = Math.Max(1, int.Parse(Next())) }; break;
                case "--cpu-subset": { var v = Next(); o = o with { CpuSubset = v == "all" ? int.MaxValue : Math.Max(0, int.Parse(v)) }; break; }
                case "--torch": o = o with { TorchJson = Next() }; break;
                case "--json": o = o with { OutputJson = Next() }; break;
                case "--workload": workloads.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries)); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
            }
        }
        return o with { Workloads = workloads.ToArray() };
    }
}
