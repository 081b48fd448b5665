namespace AnomSeer.OptimalTransport;

/// <summary>The outcome of one Sinkhorn solve.</summary>
/// <remarks>
/// The plan is <c>T_ij = exp(LogU_i) · exp(−C_ij/ε) · exp(LogV_j)</c> (for the scaling form, with the kernel
/// clamped as in the spec). Results are always float64, whatever the precision of the problem.
/// </remarks>
public sealed class SinkhornResult
{
    /// <summary>Creates a result; solvers call this.</summary>
    /// <param name="cost">Transport cost <c>W = Σ T_ij C_ij</c>.</param>
    /// <param name="iterations">Iterations performed.</param>
    /// <param name="marginalError">Final marginal error.</param>
    /// <param name="converged">Whether the error criterion was met.</param>
    /// <param name="logU">Row log-potentials.</param>
    /// <param name="logV">Column log-potentials.</param>
    /// <param name="plan">Optional row-major plan.</param>
    /// <param name="isEmpty">Whether a side was empty (then <paramref name="cost"/> is 1.0).</param>
    public SinkhornResult(double cost, int iterations, double marginalError, bool converged,
        double[] logU, double[] logV, double[]? plan = null, bool isEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(logU);
        ArgumentNullException.ThrowIfNull(logV);
        Cost = cost;
        Iterations = iterations;
        MarginalError = marginalError;
        Converged = converged;
        LogU = logU;
        LogV = logV;
        Plan = plan;
        IsEmpty = isEmpty;
    }

    /// <summary>Transport cost <c>W = ⟨T, C⟩ = Σ_ij T_ij C_ij</c>, without the entropy term (spec b.5 step 5); 1.0 for an empty side.</summary>
    public double Cost { get; }

    /// <summary>Number of (u, v) update pairs performed.</summary>
    public int Iterations { get; }

    /// <summary>Final marginal error <c>‖T 1 − a‖₁ + ‖Tᵀ 1 − b‖₁</c> against the normalised masses.</summary>
    public double MarginalError { get; }

    /// <summary>
    /// Whether the solve met its criterion: error ≤ <see cref="SinkhornOptions.Tolerance"/> when that is &gt; 0,
    /// otherwise error ≤ <see cref="SinkhornOptions.AcceptableMarginalError"/>. Always false when the cost is not finite.
    /// </summary>
    public bool Converged { get; }

    /// <summary>Row log-potentials <c>log u</c> (length = rows); <c>f = ε · log u</c> in the dual's units.</summary>
    public IReadOnlyList<double> LogU { get; }

    /// <summary>Column log-potentials <c>log v</c> (length = columns); <c>g = ε · log v</c> in the dual's units.</summary>
    public IReadOnlyList<double> LogV { get; }

    /// <summary>The row-major plan when <see cref="SinkhornOptions.ReturnPlan"/> was set; otherwise null.</summary>
    public IReadOnlyList<double>? Plan { get; }

    /// <summary>Whether a side of the problem was empty (then <see cref="Cost"/> is 1.0 and nothing was solved).</summary>
    public bool IsEmpty { get; }

    /// <summary>
    /// The result of a problem with an empty side (spec b.5 step 5: "if either side has no valid tokens, W = 1.0"):
    /// <see cref="Cost"/> 1.0, no iterations, marginal error 0, converged, zero log-potentials of the given lengths,
    /// no plan, <see cref="IsEmpty"/> true. What every solver returns for such a problem; for other solvers to return too.
    /// </summary>
    /// <param name="rows">Rows of the problem (length of <see cref="LogU"/>), at least 0.</param>
    /// <param name="columns">Columns of the problem (length of <see cref="LogV"/>), at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative size.</exception>
    public static SinkhornResult Empty(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return new(1.0, 0, 0.0, true, new double[rows], new double[columns], null, isEmpty: true);
    }
}
