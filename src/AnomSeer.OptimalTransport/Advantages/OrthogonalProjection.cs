namespace AnomSeer.OptimalTransport;

/// <summary>
/// The group-wise orthogonal projection of spec b.6, acting on per-group advantage vectors:
/// <c>coef_g = ⟨A_sem, A_main⟩_g / (‖A_main‖²_g + 1e-8)</c>, <c>A_perp = A_sem − coef_g · A_main</c>.
/// </summary>
public static class OrthogonalProjection
{
    /// <summary>The 1e-8 added to ‖A_main‖² (spec b.6).</summary>
    public const double DefaultEpsilon = 1e-8;

    /// <summary>Removes from <paramref name="semantic"/>, group by group, its component along <paramref name="main"/>.</summary>
    /// <param name="groups">The groups of the batch.</param>
    /// <param name="main">A_main per response.</param>
    /// <param name="semantic">A_sem per response.</param>
    /// <param name="perpendicular">Receives A_perp per response.</param>
    /// <param name="epsilon">Added to ‖A_main‖²_g (spec: 1e-8), at least 0.</param>
    /// <returns>coef_g for each group, in the order of <see cref="GroupIndex.Keys"/>.</returns>
    /// <exception cref="ArgumentException">A length mismatch.</exception>
    public static double[] Project(GroupIndex groups, ReadOnlySpan<double> main, ReadOnlySpan<double> semantic,
        Span<double> perpendicular, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(groups);
        groups.CheckLength(main.Length, nameof(main));
        groups.CheckLength(semantic.Length, nameof(semantic));
        groups.CheckLength(perpendicular.Length, nameof(perpendicular));
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be at least 0.");

        var coefficients = new double[groups.Keys.Count];
        for (int g = 0; g < coefficients.Length; g++)
        {
            var members = groups.Members(g);
            double dot = 0, norm2 = 0;
            foreach (int i in members)
            {
                dot += semantic[i] * main[i];
                norm2 += main[i] * main[i];
            }
            double coef = dot / (norm2 + epsilon);
            coefficients[g] = coef;
            foreach (int i in members) perpendicular[i] = semantic[i] - coef * main[i];
        }
        return coefficients;
    }
}
