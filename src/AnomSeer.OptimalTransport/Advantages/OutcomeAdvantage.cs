namespace AnomSeer.OptimalTransport;

/// <summary>The primary (outcome) advantage of spec b.4: <c>A_main_i = R_i − mean_{g(i)} R</c>, no std division.</summary>
public static class OutcomeAdvantage
{
    /// <summary>Computes the outcome advantage of every response.</summary>
    /// <param name="groups">The groups of the batch.</param>
    /// <param name="rewards">One scalar reward per response.</param>
    /// <param name="destination">One entry per response.</param>
    /// <param name="singleton">The mean of a one-member group; spec b.4 uses 0, so a singleton keeps its reward.</param>
    /// <exception cref="ArgumentException">A length mismatch or a non-finite reward.</exception>
    public static void Compute(GroupIndex groups, ReadOnlySpan<double> rewards, Span<double> destination,
        SingletonGroupMean singleton = SingletonGroupMean.Zero)
    {
        ArgumentNullException.ThrowIfNull(groups);
        for (int i = 0; i < rewards.Length; i++)
            if (!double.IsFinite(rewards[i]))
                throw new ArgumentException($"Reward {i} is {rewards[i]}; rewards must be finite.", nameof(rewards));
        GroupCentering.Normalize(groups, rewards, GroupNormalization.Center, singleton, destination);
    }
}
