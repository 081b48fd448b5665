namespace AnomSeer.OptimalTransport;

/// <summary>
/// Settings of the TimerPO advantage (spec b.4–b.6, b.9 steps 4–6). Every default is the paper's run
/// configuration; each other value is a named deviation.
/// </summary>
public sealed record TimerPoAdvantageOptions
{
    /// <summary>The paper's values, each with the spec item it comes from.</summary>
    public static class Defaults
    {
        /// <summary>α = 0.3, weight of the grounded advantage (spec b.6 / b.8: <c>ts.adv_mix</c>).</summary>
        public const double Alpha = 0.3;

        /// <summary>τ = 0.5 in <c>s = exp(−W/τ)</c> (spec b.5 step 6, hard-coded in the code).</summary>
        public const double Temperature = GroundedAdvantage.DefaultTemperature;

        /// <summary>1e-8 added to ‖A_main‖² in the projection (spec b.6).</summary>
        public const double ProjectionEpsilon = OrthogonalProjection.DefaultEpsilon;

        /// <summary>TimerPO with the orthogonal projection (spec b.6).</summary>
        public const AdvantageMode Mode = AdvantageMode.TimerPO;

        /// <summary>Mean-centring of the similarity (spec b.5 step 7; z-scoring is spec g.1's deviation).</summary>
        public const GroupNormalization SemanticNormalization = GroupNormalization.Center;

        /// <summary>softmax of the hidden-state norms (spec b.5 step 3; uniform is spec g.2's deviation).</summary>
        public const TokenMassKind TokenMass = TokenMassKind.SoftmaxOfNorms;

        /// <summary>A one-member group has mean 0 (spec b.4, veRL).</summary>
        public const SingletonGroupMean Singleton = SingletonGroupMean.Zero;

        /// <summary>float64 costs and Sinkhorn (spec b.5 step 5).</summary>
        public const bool SinglePrecision = false;

        /// <summary>64 responses per solver call (library choice: bounds the memory of the cost matrices).</summary>
        public const int BatchSize = 64;
    }

    /// <summary>The paper's configuration.</summary>
    public static TimerPoAdvantageOptions Paper { get; } = new();

    /// <summary>α, the weight of the grounded advantage. Default <see cref="Defaults.Alpha"/>.</summary>
    public double Alpha { get; init; } = Defaults.Alpha;

    /// <summary>τ &gt; 0 of the similarity. Default <see cref="Defaults.Temperature"/>.</summary>
    public double Temperature { get; init; } = Defaults.Temperature;

    /// <summary>ε of the projection denominator. Default <see cref="Defaults.ProjectionEpsilon"/>.</summary>
    public double ProjectionEpsilon { get; init; } = Defaults.ProjectionEpsilon;

    /// <summary>TimerPO or one of the ablations. Default <see cref="Defaults.Mode"/>.</summary>
    public AdvantageMode Mode { get; init; } = Defaults.Mode;

    /// <summary>Normalisation of the similarity within a group. Default <see cref="Defaults.SemanticNormalization"/>.</summary>
    public GroupNormalization SemanticNormalization { get; init; } = Defaults.SemanticNormalization;

    /// <summary>Token masses of both sides. Default <see cref="Defaults.TokenMass"/>.</summary>
    public TokenMassKind TokenMass { get; init; } = Defaults.TokenMass;

    /// <summary>The mean of a one-member group, for both centrings. Default <see cref="Defaults.Singleton"/>.</summary>
    public SingletonGroupMean Singleton { get; init; } = Defaults.Singleton;

    /// <summary>Solve in float32 (cost matrices and Sinkhorn) instead of float64: a deviation that GPU solvers need. Default false.</summary>
    public bool SinglePrecision { get; init; } = Defaults.SinglePrecision;

    /// <summary>Responses whose cost matrices are built and solved together. Default <see cref="Defaults.BatchSize"/>.</summary>
    public int BatchSize { get; init; } = Defaults.BatchSize;

    /// <summary>The Sinkhorn settings. Default <see cref="SinkhornOptions.Paper"/> (ε = 0.08, 50 iterations, scaling form).</summary>
    public SinkhornOptions Sinkhorn { get; init; } = SinkhornOptions.Paper;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting out of range, named after its property.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Sinkhorn"/> is null.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Alpha))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be finite.");
        if (!(Temperature > 0) || !double.IsFinite(Temperature))
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be a finite number greater than 0.");
        if (!(ProjectionEpsilon >= 0) || !double.IsFinite(ProjectionEpsilon))
            throw new ArgumentOutOfRangeException(nameof(ProjectionEpsilon), ProjectionEpsilon, "ProjectionEpsilon must be finite and at least 0.");
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown mode.");
        if (!Enum.IsDefined(SemanticNormalization)) throw new ArgumentOutOfRangeException(nameof(SemanticNormalization), SemanticNormalization, "Unknown normalisation.");
        if (!Enum.IsDefined(TokenMass)) throw new ArgumentOutOfRangeException(nameof(TokenMass), TokenMass, "Unknown token mass.");
        if (!Enum.IsDefined(Singleton)) throw new ArgumentOutOfRangeException(nameof(Singleton), Singleton, "Unknown singleton policy.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        ArgumentNullException.ThrowIfNull(Sinkhorn);
        Sinkhorn.Validate();
    }
}
