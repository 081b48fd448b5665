namespace AnomSeer.OptimalTransport;

/// <summary>What the group mean of a group with a single member is.</summary>
public enum SingletonGroupMean
{
    /// <summary>
    /// The mean is taken as 0, so the value passes through unchanged: veRL's <c>compute_grpo_outcome_advantage</c>
    /// convention that the paper's code inherits (spec b.4: "singleton group → mean := 0").
    /// </summary>
    Zero = 0,

    /// <summary>The mean is the member itself, so the centred value is 0 (a named deviation).</summary>
    Self = 1,
}
