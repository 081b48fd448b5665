namespace AnomSeer.Data.Random;

/// <summary>
/// Tables of the Marsaglia–Tsang ziggurat for the standard normal ("The Ziggurat Method for Generating Random
/// Variables", J. Stat. Softw. 5(8), 2000), 128 layers, r = 3.442619855899, v = 9.91256303526217e-3. Built once
/// with <see cref="DeterministicMath"/>, so the tables, and every variate drawn with them, are identical on every
/// platform.
/// </summary>
internal static class Ziggurat
{
    public const double R = 3.442619855899;
    private const double V = 9.91256303526217e-3;
    private const double M1 = 2147483648.0; // 2^31

    /// <summary>Acceptance thresholds on |j| (a signed 32-bit draw), per layer.</summary>
    public static readonly uint[] K = new uint[128];

    /// <summary>Scale from j to x, per layer.</summary>
    public static readonly double[] W = new double[128];

    /// <summary>The density exp(−x²/2) at each layer's edge.</summary>
    public static readonly double[] F = new double[128];

    static Ziggurat()
    {
        double dn = R, tn = R;
        double q = V / DeterministicMath.Exp(-0.5 * dn * dn);
        K[0] = (uint)(dn / q * M1);
        K[1] = 0;
        W[0] = q / M1;
        W[127] = dn / M1;
        F[0] = 1.0;
        F[127] = DeterministicMath.Exp(-0.5 * dn * dn);
        for (int i = 126; i >= 1; i--)
        {
            dn = Math.Sqrt(-2.0 * DeterministicMath.Log(V / dn + DeterministicMath.Exp(-0.5 * dn * dn)));
            K[i + 1] = (uint)(dn / tn * M1);
            tn = dn;
            F[i] = DeterministicMath.Exp(-0.5 * dn * dn);
            W[i] = dn / M1;
        }
    }
}
