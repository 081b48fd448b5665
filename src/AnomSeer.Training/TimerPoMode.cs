namespace AnomSeer.Training;

/// <summary>
/// What TimerPO trains with: the full method or one of the paper's ablations (method spec b.6, e.2 Table 2).
/// </summary>
public enum TimerPoMode
{
    /// <summary>Full TimerPO: <c>A = A_main + α · A_perp</c> with the ExpCoT as the OT reference (spec b.6, b.9).</summary>
    TimerPO = 0,

    /// <summary>The "w/o orthogonalisation" row: <c>A = A_main + α · A_sem</c> (spec b.6, <c>use_sem_orth = False</c>).</summary>
    NoOrthogonalization = 1,

    /// <summary>The "vanilla GRPO" row: <c>A = A_main</c>; no hidden states of a reference text, no OT solve.</summary>
    OutcomeOnly = 2,

    /// <summary>
    /// The "w/o ExpCoT" row: TimerPO whose OT reference is an expert-free generic explanation written from the ground
    /// truth (<see cref="GenericCotText"/>) instead of the ExpCoT (spec e.2; its exact text is unknown, spec g.9).
    /// </summary>
    GenericCoT = 3,
}
