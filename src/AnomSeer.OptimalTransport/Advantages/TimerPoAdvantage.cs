namespace AnomSeer.OptimalTransport;

/// <summary>
/// The TimerPO advantage of one RL step (spec b.9 steps 4–6): outcome advantage, OT-grounded advantage,
/// group-wise orthogonal projection, final mix.
/// </summary>
/// <example>
/// <code>
/// var result = TimerPoAdvantage.Compute(groupIds, rewards, responseHidden, referenceHidden);
/// double[] perResponse = result.Advantages.ToArray();   // broadcast to each response's tokens
/// </code>
/// </example>
public static class TimerPoAdvantage
{
    /// <summary>Computes the final advantage of every response of a batch, with diagnostics.</summary>
    /// <param name="groupIds">Per response, the id of its prompt group (the n rollouts of one prompt share it).</param>
    /// <param name="rewards">Per response, the scalar reward R_i (spec b.2).</param>
    /// <param name="responseHidden">Per response, the final-layer hidden states at its tokens (T_r × D).</param>
    /// <param name="referenceHidden">Per response, the hidden states of its prompt's ExpCoT text (T_e × D).</param>
    /// <param name="options">Settings; <see cref="TimerPoAdvantageOptions.Paper"/> when null.</param>
    /// <param name="solver">The Sinkhorn solver; <see cref="CpuSinkhornSolver.Shared"/> when null.</param>
    /// <param name="cancellationToken">Cancels the OT work.</param>
    /// <exception cref="ArgumentException">Length, count or dimension mismatches, non-finite rewards or hidden states.</exception>
    public static TimerPoAdvantageResult Compute(ReadOnlySpan<int> groupIds, ReadOnlySpan<double> rewards,
        IReadOnlyList<HiddenStates> responseHidden, IReadOnlyList<HiddenStates> referenceHidden,
        TimerPoAdvantageOptions? options = null, ISinkhornSolver? solver = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseHidden);
        ArgumentNullException.ThrowIfNull(referenceHidden);
        options ??= TimerPoAdvantageOptions.Paper;
        options.Validate();
        var groups = new GroupIndex(groupIds);
        groups.CheckLength(rewards.Length, nameof(rewards));
        groups.CheckLength(responseHidden.Count, nameof(responseHidden));
        groups.CheckLength(referenceHidden.Count, nameof(referenceHidden));

        int n = groupIds.Length;
        var main = new double[n];
        OutcomeAdvantage.Compute(groups, rewards, main, options.Singleton);

        var w = new double[n];
        var s = new double[n];
        var sem = new double[n];
        var converged = new bool[n];
        if (options.Mode == AdvantageMode.OutcomeOnly)
        {
            Array.Fill(w, double.NaN);
            Array.Fill(s, double.NaN);
            Array.Fill(converged, true);
        }
        else
        {
            var solved = GroundedTransport.Solve(responseHidden, referenceHidden, options, solver, cancellationToken);
            for (int i = 0; i < n; i++)
            {
                w[i] = solved[i].Cost;
                converged[i] = solved[i].Converged;
            }
            GroundedAdvantage.Compute(groups, w, s, sem, options.Temperature, options.SemanticNormalization, options.Singleton);
        }

        var perp = new double[n];
        var coefficients = new double[groups.Keys.Count];
        if (options.Mode == AdvantageMode.TimerPO)
            coefficients = OrthogonalProjection.Project(groups, main, sem, perp, options.ProjectionEpsilon);
        else
            sem.CopyTo(perp, 0);

        var final = new double[n];
        for (int i = 0; i < n; i++)
            final[i] = options.Mode == AdvantageMode.OutcomeOnly ? main[i] : main[i] + options.Alpha * perp[i];

        return new TimerPoAdvantageResult(final, main, sem, perp, w, s, converged, groups.Keys, coefficients,
            ZeroSpreadFraction(groups, rewards));
    }

    private static double ZeroSpreadFraction(GroupIndex groups, ReadOnlySpan<double> rewards)
    {
        if (groups.Keys.Count == 0) return 0;
        int flat = 0;
        for (int g = 0; g < groups.Keys.Count; g++)
        {
            var members = groups.Members(g);
            double first = rewards[members[0]];
            bool allEqual = true;
            foreach (int i in members) allEqual &= rewards[i] == first;
            if (allEqual) flat++;
        }
        return (double)flat / groups.Keys.Count;
    }
}
