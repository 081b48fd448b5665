namespace AnomSeer.OptimalTransport;

/// <summary>How the final advantage is formed (spec b.6 and the paper's ablations).</summary>
public enum AdvantageMode
{
    /// <summary>TimerPO: <c>A = A_main + α · A_perp</c> (spec b.6).</summary>
    TimerPO = 0,

    /// <summary>The "w/o orthogonalization" ablation: <c>A = A_main + α · A_sem</c> (spec b.6, <c>use_sem_orth = False</c>).</summary>
    NoOrthogonalization = 1,

    /// <summary>Outcome only (plain Dr.GRPO-style): <c>A = A_main</c>; no OT is computed.</summary>
    OutcomeOnly = 2,
}
