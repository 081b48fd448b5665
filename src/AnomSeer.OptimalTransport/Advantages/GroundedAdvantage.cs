namespace AnomSeer.OptimalTransport;

/// <summary>
/// The time-series grounded (semantic) advantage of spec b.5 steps 6–7: similarity
/// <c>s_i = clamp(exp(−W_i / τ), 0, 1)</c>, then <c>A_sem_i = s_i − mean_{g(i)} s</c>.
/// </summary>
public static class GroundedAdvantage
{
    /// <summary>τ = 0.5, hard-coded in the paper's code (spec b.5 step 6).</summary>
    public const double DefaultTemperature = 0.5;

    /// <summary><c>clamp(exp(−W / τ), 0, 1)</c>; a NaN transport cost gives similarity 0.</summary>
    /// <param name="transportCost">W.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    public static double Similarity(double transportCost, double temperature = DefaultTemperature)
    {
        CheckTemperature(temperature);
        double s = Math.Exp(-transportCost / temperature);
        return double.IsNaN(s) ? 0.0 : Math.Clamp(s, 0.0, 1.0);
    }

    /// <summary>Computes similarities and the group-normalised semantic advantage.</summary>
    /// <param name="groups">The groups of the batch.</param>
    /// <param name="transportCosts">W per response.</param>
    /// <param name="similarities">Receives s per response.</param>
    /// <param name="advantages">Receives A_sem per response.</param>
    /// <param name="temperature">τ (spec: 0.5).</param>
    /// <param name="normalization">Centre (spec) or z-score (deviation, spec g.1).</param>
    /// <param name="singleton">The mean of a one-member group.</param>
    /// <exception cref="ArgumentException">A length mismatch.</exception>
    /// <exception cref="ArgumentOutOfRangeException">τ not positive.</exception>
    public static void Compute(GroupIndex groups, ReadOnlySpan<double> transportCosts, Span<double> similarities, Span<double> advantages,
        double temperature = DefaultTemperature, GroupNormalization normalization = GroupNormalization.Center,
        SingletonGroupMean singleton = SingletonGroupMean.Zero)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CheckTemperature(temperature);
        groups.CheckLength(transportCosts.Length, nameof(transportCosts));
        groups.CheckLength(similarities.Length, nameof(similarities));
        for (int i = 0; i < transportCosts.Length; i++)
            similarities[i] = Similarity(transportCosts[i], temperature);
        GroupCentering.Normalize(groups, similarities, normalization, singleton, advantages);
    }

    private static void CheckTemperature(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number greater than 0.");
    }
}
