namespace AnomSeer.Benchmarks.Cuda;

/// <summary>
/// A benchmark workload: problem sizes defined by a deterministic rule that torch_sinkhorn.py reproduces exactly,
/// and data from a counter-based hash (no shared random generator needed across languages).
/// </summary>
public sealed record Workload(string Name, string Description, int[] ResponseLengths, int ReferenceLength, int Dimension, bool FromHiddenStates, double Epsilon, int Iterations)
{
    /// <summary>Number of problems.</summary>
    public int Count => ResponseLengths.Length;

    /// <summary>Σ n·m over the batch.</summary>
    public long Entries => ResponseLengths.Sum(n => (long)n * ReferenceLength);

    /// <summary>The paper's RL step (spec b.5, b.8): 640 responses, T_r = 1024 − (389 p mod 960) ∈ [65, 1024], T_e = 512, D = 2048, ε = 0.08, 50 iterations.</summary>
    public static Workload PaperStep(bool quick) => quick
        ? new("paper-step", "quick: 8 × (T_r ≤ 64) × 32, D = 64, from hidden states", Lengths(8, 64, 3), 32, 64, true, 0.08, 50)
        : new("paper-step", "640 × (T_r ≤ 1024) × 512, D = 2048, from hidden states", Lengths(640, 1024, 960), 512, 2048, true, 0.08, 50);

    /// <summary>The paper's step at its largest: 640 problems of 1024 × 512, cost matrices given.</summary>
    public static Workload PaperStepFull(bool quick) => quick
        ? new("paper-step-full", "quick: 8 × 64 × 32 cost matrices", Enumerable.Repeat(64, 8).ToArray(), 32, 0, false, 0.08, 50)
        : new("paper-step-full", "640 × 1024 × 512 cost matrices", Enumerable.Repeat(1024, 640).ToArray(), 512, 0, false, 0.08, 50);

    /// <summary>One 4096 × 4096 problem, cost matrix given.</summary>
    public static Workload Single4096(bool quick) => quick
        ? new("single-4096", "quick: one 128 × 128 cost matrix", [128], 128, 0, false, 0.08, 50)
        : new("single-4096", "one 4096 × 4096 cost matrix", [4096], 4096, 0, false, 0.08, 50);

    /// <summary>All workloads.</summary>
    public static Workload[] All(bool quick) => [PaperStep(quick), PaperStepFull(quick), Single4096(quick)];

    /// <summary><c>T_r(p) = max − (389 p mod span)</c>: a spread of lengths with the maximum at p = 0.</summary>
    private static int[] Lengths(int count, int max, int span) =>
        Enumerable.Range(0, count).Select(p => max - (int)(389L * p % span)).ToArray();
}
