namespace AnomSeer.OptimalTransport;

/// <summary>The TimerPO advantages of a batch with their diagnostics; every per-response array is in batch order.</summary>
public sealed class TimerPoAdvantageResult
{
    internal TimerPoAdvantageResult(double[] advantages, double[] main, double[] semantic, double[] perpendicular,
        double[] transportCosts, double[] similarities, bool[] converged, IReadOnlyList<int> groupKeys,
        double[] groupCoefficients, double zeroRewardSpreadFraction)
    {
        Advantages = advantages;
        MainAdvantages = main;
        SemanticAdvantages = semantic;
        PerpendicularAdvantages = perpendicular;
        TransportCosts = transportCosts;
        Similarities = similarities;
        SinkhornConverged = converged;
        GroupKeys = groupKeys;
        GroupCoefficients = groupCoefficients;
        ZeroRewardSpreadFraction = zeroRewardSpreadFraction;
    }

    /// <summary>The final advantage A_i, to broadcast to every response token (spec b.6).</summary>
    public IReadOnlyList<double> Advantages { get; }

    /// <summary>A_main_i = R_i − group mean (spec b.4).</summary>
    public IReadOnlyList<double> MainAdvantages { get; }

    /// <summary>A_sem_i, the group-normalised similarity (spec b.5 step 7); zeros in <see cref="AdvantageMode.OutcomeOnly"/>.</summary>
    public IReadOnlyList<double> SemanticAdvantages { get; }

    /// <summary>A_perp_i = A_sem_i − coef_g · A_main_i (spec b.6); equal to A_sem outside <see cref="AdvantageMode.TimerPO"/>.</summary>
    public IReadOnlyList<double> PerpendicularAdvantages { get; }

    /// <summary>W_i, the OT cost between response and reference (1.0 for an empty side); NaN in <see cref="AdvantageMode.OutcomeOnly"/>.</summary>
    public IReadOnlyList<double> TransportCosts { get; }

    /// <summary>s_i = clamp(exp(−W_i/τ), 0, 1); NaN in <see cref="AdvantageMode.OutcomeOnly"/>.</summary>
    public IReadOnlyList<double> Similarities { get; }

    /// <summary>Whether each Sinkhorn solve met its criterion (true where nothing was solved).</summary>
    public IReadOnlyList<bool> SinkhornConverged { get; }

    /// <summary>The distinct group ids, in order of first appearance.</summary>
    public IReadOnlyList<int> GroupKeys { get; }

    /// <summary>coef_g per group, aligned with <see cref="GroupKeys"/>; zeros outside <see cref="AdvantageMode.TimerPO"/>.</summary>
    public IReadOnlyList<double> GroupCoefficients { get; }

    /// <summary>
    /// Fraction of groups whose rewards are all equal (one-member groups included): there A_main ≡ 0 and only
    /// the grounded advantage teaches (the number TRL logs as the zero-std fraction).
    /// </summary>
    public double ZeroRewardSpreadFraction { get; }
}
