namespace AnomSeer.OptimalTransport;

/// <summary>The update rule a Sinkhorn solver iterates.</summary>
public enum SinkhornMethod
{
    /// <summary>
    /// The paper's scaling form (spec b.5 step 5): Gibbs kernel <c>K = max(exp(−C/ε), tiny)</c>, alternating
    /// <c>u = a / (K v + tiny)</c> and <c>v = b / (Kᵀ u + tiny)</c> with NaN → 0 and +∞ → huge guards,
    /// ending with the v-update. In float64 the guards are exactly the spec's <c>1e-300</c> / <c>1e300</c>.
    /// Fast, but underflows for small ε (roughly ε &lt; max(C)/700 in float64).
    /// </summary>
    Scaling = 0,

    /// <summary>
    /// Log-domain updates with log-sum-exp: <c>log u_i = log a_i − LSE_j(−C_ij/ε + log v_j)</c> and the
    /// same for <c>log v</c>, ending with the v-update. Stable for ε down to 1e-4 on costs in [0, 2], in
    /// float32 and float64; several times slower per iteration than <see cref="Scaling"/> (one exp per entry).
    /// </summary>
    LogDomain = 1,
}
