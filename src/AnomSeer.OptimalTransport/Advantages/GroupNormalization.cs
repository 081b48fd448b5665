namespace AnomSeer.OptimalTransport;

/// <summary>How values are normalised within each group.</summary>
public enum GroupNormalization
{
    /// <summary><c>x_i − mean_g(x)</c>: the paper's code (spec b.4, b.5 step 7; no std division).</summary>
    Center = 0,

    /// <summary>
    /// <c>(x_i − mean_g(x)) / (std_g(x) + 1e-6)</c> with the sample standard deviation (n − 1), as the unused
    /// helper of the paper's code and GRPO do; 0 for singleton groups. A named deviation (spec g.1).
    /// </summary>
    ZScore = 1,
}
