namespace AnomSeer.OptimalTransport;

/// <summary>Within-group centring and z-scoring (spec b.4, b.5 step 7).</summary>
public static class GroupCentering
{
    /// <summary>The 1e-6 added to the group standard deviation when z-scoring (veRL's GRPO convention).</summary>
    public const double StdEpsilon = 1e-6;

    /// <summary>Normalises <paramref name="values"/> within each group of <paramref name="groups"/>.</summary>
    /// <param name="groups">The groups of the batch.</param>
    /// <param name="values">One value per response.</param>
    /// <param name="normalization">Centre (the paper) or z-score.</param>
    /// <param name="singleton">The mean of a one-member group (spec b.4: 0).</param>
    /// <param name="destination">One entry per response; may be the same memory as <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException">A length that does not match the groups.</exception>
    public static void Normalize(GroupIndex groups, ReadOnlySpan<double> values, GroupNormalization normalization,
        SingletonGroupMean singleton, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(groups);
        groups.CheckLength(values.Length, nameof(values));
        groups.CheckLength(destination.Length, nameof(destination));
        for (int g = 0; g < groups.Keys.Count; g++)
        {
            var members = groups.Members(g);
            if (members.Length == 1)
            {
                int only = members[0];
                destination[only] = normalization == GroupNormalization.ZScore ? 0.0
                    : singleton == SingletonGroupMean.Zero ? values[only] : 0.0;
                continue;
            }
            double mean = 0;
            foreach (int i in members) mean += values[i];
            mean /= members.Length;
            double scale = 1.0;
            if (normalization == GroupNormalization.ZScore)
            {
                double ss = 0;
                foreach (int i in members) ss += (values[i] - mean) * (values[i] - mean);
                scale = 1.0 / (Math.Sqrt(ss / (members.Length - 1)) + StdEpsilon);
            }
            foreach (int i in members) destination[i] = (values[i] - mean) * scale;
        }
    }
}
