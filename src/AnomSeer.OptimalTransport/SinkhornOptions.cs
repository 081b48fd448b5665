namespace AnomSeer.OptimalTransport;

/// <summary>
/// Settings of an entropic Sinkhorn solve. The defaults (<see cref="Defaults"/>) are the paper's run
/// configuration (spec b.5 step 5, b.8): ε = 0.08, 50 iterations of the scaling form, no early stop.
/// </summary>
/// <remarks>
/// The marginal error is <c>‖T 1 − a‖₁ + ‖Tᵀ 1 − b‖₁</c> with <c>a</c>, <c>b</c> the normalised masses
/// (POT checks a similar norm every 10 iterations). With <see cref="Tolerance"/> 0 the solver runs exactly
/// <see cref="MaxIterations"/> iterations as the paper does, and <see cref="SinkhornResult.Converged"/> then
/// tells whether the final error is at most <see cref="AcceptableMarginalError"/>.
/// </remarks>
public sealed record SinkhornOptions
{
    /// <summary>The paper's values, each with the spec item it comes from.</summary>
    public static class Defaults
    {
        /// <summary>Entropic regularisation ε = 0.08 (spec b.5 step 5 / b.8: <c>ts.ot_eps</c> in <c>run_anomseer.sh</c>).</summary>
        public const double Epsilon = 0.08;

        /// <summary>50 iterations (spec b.5 step 5 / b.8: <c>ts.ot_n_iter</c> in <c>run_anomseer.sh</c>).</summary>
        public const int MaxIterations = 50;

        /// <summary>0: no early stop, the paper's fixed iteration count (spec b.5 step 5).</summary>
        public const double Tolerance = 0.0;

        /// <summary>Check the marginal error every 10 iterations (POT's <c>ot.sinkhorn</c> convention; not in the paper).</summary>
        public const int CheckEvery = 10;

        /// <summary>The scaling form (spec b.5 step 5).</summary>
        public const SinkhornMethod Method = SinkhornMethod.Scaling;

        /// <summary>In fixed-iteration mode, a final marginal error above 1e-3 is reported as not converged (library choice).</summary>
        public const double AcceptableMarginalError = 1e-3;
    }

    /// <summary>The paper's configuration (all <see cref="Defaults"/>).</summary>
    public static SinkhornOptions Paper { get; } = new();

    /// <summary>Entropic regularisation ε &gt; 0, in the units of the cost. Default <see cref="Defaults.Epsilon"/>.</summary>
    public double Epsilon { get; init; } = Defaults.Epsilon;

    /// <summary>Maximum number of (u, v) update pairs, at least 1. Default <see cref="Defaults.MaxIterations"/>.</summary>
    public int MaxIterations { get; init; } = Defaults.MaxIterations;

    /// <summary>
    /// Stop as soon as the marginal error is at most this, checked every <see cref="CheckEvery"/> iterations;
    /// 0 (the default) runs exactly <see cref="MaxIterations"/> iterations, as the paper does.
    /// </summary>
    public double Tolerance { get; init; } = Defaults.Tolerance;

    /// <summary>How often (in iterations) the marginal error is checked when <see cref="Tolerance"/> &gt; 0. Default <see cref="Defaults.CheckEvery"/>.</summary>
    public int CheckEvery { get; init; } = Defaults.CheckEvery;

    /// <summary>Update rule. Default <see cref="Defaults.Method"/>; <see cref="SinkhornMethod.LogDomain"/> is a named deviation for small ε.</summary>
    public SinkhornMethod Method { get; init; } = Defaults.Method;

    /// <summary>
    /// In fixed-iteration mode (<see cref="Tolerance"/> 0), the largest final marginal error still reported as
    /// converged. Default <see cref="Defaults.AcceptableMarginalError"/>.
    /// </summary>
    public double AcceptableMarginalError { get; init; } = Defaults.AcceptableMarginalError;

    /// <summary>Whether <see cref="SinkhornResult.Plan"/> is filled (rows × columns doubles per problem). Default false.</summary>
    public bool ReturnPlan { get; init; }

    /// <summary>Upper bound on the problems solved at once by a batch call; −1 (default) means all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the parameter name is the property's.</exception>
    public void Validate()
    {
        if (!(Epsilon > 0) || !double.IsFinite(Epsilon))
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "Epsilon must be a finite number greater than 0.");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be at least 1.");
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be finite and at least 0 (0 = fixed iteration count).");
        if (CheckEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(CheckEvery), CheckEvery, "CheckEvery must be at least 1.");
        if (!Enum.IsDefined(Method))
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown Sinkhorn method.");
        if (!(AcceptableMarginalError >= 0))
            throw new ArgumentOutOfRangeException(nameof(AcceptableMarginalError), AcceptableMarginalError, "AcceptableMarginalError must be at least 0.");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 (all cores) or at least 1.");
    }
}
