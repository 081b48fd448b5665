using ILGPU;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>The device buffers a Sinkhorn solve reads and writes, all float32 except the per-problem sums.</summary>
internal struct SinkhornViews
{
    /// <summary>The batch layout.</summary>
    public BatchViews Batch;

    /// <summary>The concatenated row-major cost blocks.</summary>
    public ArrayView<float> Cost;

    /// <summary>Normalised row masses <c>a</c> (global rows).</summary>
    public ArrayView<float> RowMass;

    /// <summary>Normalised column masses <c>b</c> (global columns).</summary>
    public ArrayView<float> ColumnMass;

    /// <summary><c>log a</c>.</summary>
    public ArrayView<float> LogRowMass;

    /// <summary><c>log b</c>.</summary>
    public ArrayView<float> LogColumnMass;

    /// <summary>Row log-potentials <c>log u</c>.</summary>
    public ArrayView<float> LogU;

    /// <summary>Column log-potentials <c>log v</c>.</summary>
    public ArrayView<float> LogV;

    /// <summary>1 while a problem still iterates, 0 once it met its tolerance.</summary>
    public ArrayView<int> Active;

    /// <summary>Per global row: <c>Σ_j T_ij</c> (filled by the finishing pass).</summary>
    public ArrayView<float> RowSum;

    /// <summary>Per global row: <c>Σ_j T_ij C_ij</c> (filled by the finishing pass).</summary>
    public ArrayView<float> RowCost;

    /// <summary>Per global column: <c>Σ_i T_ij</c> (filled by the finishing pass).</summary>
    public ArrayView<float> ColumnSum;

    /// <summary>Per problem: transport cost W.</summary>
    public ArrayView<double> ProblemCost;

    /// <summary>Per problem: <c>Σ_i |Σ_j T_ij − a_i|</c>.</summary>
    public ArrayView<double> ProblemRowError;

    /// <summary>Per problem: <c>Σ_j |Σ_i T_ij − b_j|</c>.</summary>
    public ArrayView<double> ProblemColumnError;

    /// <summary><c>−1/ε</c>: <c>M_ij = C_ij · NegInvEpsilon</c>.</summary>
    public float NegInvEpsilon;
}
