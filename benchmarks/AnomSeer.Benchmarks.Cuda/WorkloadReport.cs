namespace AnomSeer.Benchmarks.Cuda;

/// <summary>The measured numbers of one workload.</summary>
public sealed record WorkloadReport
{
    public required Workload Workload { get; init; }
    public double CostMs { get; init; }
    public double SinkhornMs { get; init; }
    public double EndToEndMs { get; init; }
    public double FloorMs { get; init; }
    public double MinimumBytes { get; init; }
    public double Flops { get; init; }
    public double CpuMs { get; init; }
    public int CpuProblems { get; init; }
    public bool CpuExtrapolated { get; init; }
    public double MaxRelativeErrorW { get; init; }
    public double? TorchMs { get; init; }
    public bool Passed { get; init; }

    public double DeviceMs => CostMs + SinkhornMs;
}
