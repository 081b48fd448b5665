using System.Numerics;

namespace AnomSeer.Data.Random;

/// <summary>
/// Elementary functions computed with IEEE-754 additions, multiplications, divisions and square roots
/// only, so that their results are bit-identical on every platform and .NET version.
/// </summary>
/// <remarks>
/// <para><see cref="Math.Log(double)"/> and <see cref="Math.Sin"/> call the platform's C library, whose
/// last-bit results differ between glibc, the Windows CRT and Apple's libm. The synthetic generators must
/// give the same series everywhere, so they use these instead. Accuracy is within a few units in the last
/// place, which is far below anything the data needs; determinism is what matters. (RyuJIT does not fuse
/// multiply-adds on its own, so the expression order written here is the order executed.)</para>
/// <para>Algorithms: <see cref="Log"/> splits <c>x = m·2^e</c> with <c>m ∈ [√½, √2)</c> from the bit pattern and
/// sums the series <c>ln m = 2·atanh(f) = 2(f + f³/3 + f⁵/5 + …)</c>, <c>f = (m−1)/(m+1)</c>, to <c>f²³</c>.
/// <see cref="SinTurns"/> reduces a phase in turns exactly (subtracting the nearest integer is exact in
/// binary floating point), folds it into <c>[−⅛, ⅛]</c> turn by symmetry, and evaluates Taylor series of
/// sine or cosine to degree 19/18 (remainder below 1e-19). <see cref="SinRadians"/> reduces an argument in
/// radians modulo 2π exactly, with a 1,280-bit value of 1/(2π) computed once from Machin's formula in integer
/// arithmetic, so that even astronomically large arguments give the mathematically correct sine of the
/// double they are given (as a correctly reducing libm does).</para>
/// </remarks>
public static class DeterministicMath
{
    private const double Ln2Hi = 0.693147180369123816490; // ln 2 rounded to 32 significant bits: e·Ln2Hi is exact.
    private const double Ln2Lo = 1.90821492927058770002e-10; // ln 2 − Ln2Hi.
    private const double TwoPi = 6.283185307179586476925;

    /// <summary>The natural logarithm of <paramref name="x"/>.</summary>
    /// <returns><c>ln x</c>; NaN for negative or NaN input, −∞ for 0, +∞ for +∞.</returns>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;

        long bits = BitConverter.DoubleToInt64Bits(x);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: scale into the normal range first (exact).
            x *= 4503599627370496.0; // 2^52
            bits = BitConverter.DoubleToInt64Bits(x);
            exp = (int)((bits >> 52) & 0x7FF) - 52;
        }
        int e = exp - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L); // [1, 2)
        if (m > 1.4142135623730951)
        {
            m *= 0.5; // exact
            e++;
        }
        double f = (m - 1.0) / (m + 1.0);
        double f2 = f * f;
        // 2·atanh(f) = 2f·(1 + f²/3 + f⁴/5 + … + f²²/23), Horner in f².
        double p = 1.0 / 23.0;
        p = p * f2 + 1.0 / 21.0;
        p = p * f2 + 1.0 / 19.0;
        p = p * f2 + 1.0 / 17.0;
        p = p * f2 + 1.0 / 15.0;
        p = p * f2 + 1.0 / 13.0;
        p = p * f2 + 1.0 / 11.0;
        p = p * f2 + 1.0 / 9.0;
        p = p * f2 + 1.0 / 7.0;
        p = p * f2 + 1.0 / 5.0;
        p = p * f2 + 1.0 / 3.0;
        double lnm = 2.0 * f + 2.0 * f * (f2 * p);
        return e * Ln2Hi + (lnm + e * Ln2Lo);
    }

    /// <summary>The exponential <c>e^x</c>.</summary>
    /// <remarks>Reduction <c>x = k·ln 2 + r</c>, <c>|r| ≤ ln2/2</c> (<c>k·ln2</c> split in two parts, the first exact),
    /// Taylor series of <c>e^r</c> to degree 14, then an exact scaling by <c>2^k</c>.</remarks>
    /// <returns><c>e^x</c>; 0 below about −745, +∞ above about 709.8, NaN for NaN.</returns>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x > 709.782712893384) return double.PositiveInfinity;
        if (x < -745.1332191019412) return 0.0;
        double k = Math.Round(x * 1.4426950408889634, MidpointRounding.ToEven); // x / ln 2
        double r = (x - k * Ln2Hi) - k * Ln2Lo;
        double p = 1.0 / 87178291200.0;          // 1/14!
        p = p * r + 1.0 / 6227020800.0;          // 1/13!
        p = p * r + 1.0 / 479001600.0;           // 1/12!
        p = p * r + 1.0 / 39916800.0;            // 1/11!
        p = p * r + 1.0 / 3628800.0;             // 1/10!
        p = p * r + 1.0 / 362880.0;              // 1/9!
        p = p * r + 1.0 / 40320.0;               // 1/8!
        p = p * r + 1.0 / 5040.0;                // 1/7!
        p = p * r + 1.0 / 720.0;                 // 1/6!
        p = p * r + 1.0 / 120.0;                 // 1/5!
        p = p * r + 1.0 / 24.0;                  // 1/4!
        p = p * r + 1.0 / 6.0;                   // 1/3!
        p = p * r + 0.5;                         // 1/2!
        double er = 1.0 + (r + r * (r * p));
        int ki = (int)k;
        // Scale in two steps so that results near the subnormal range are not flushed early.
        return ki < -1000 ? Math.ScaleB(Math.ScaleB(er, ki + 600), -600) : Math.ScaleB(er, ki);
    }

    /// <summary><c>sin(2π·turns)</c>: the sine of a phase given in turns (cycles).</summary>
    /// <remarks>Accurate to a couple of ulp for any finite input; NaN for NaN or infinite input. The phase is
    /// reduced exactly to <c>k/256 + d</c> with <c>|d| ≤ 1/512</c>; then
    /// <c>sin = sin(2πk/256)·cos(2πd) + cos(2πk/256)·sin(2πd)</c> with a 256-entry table (built once by
    /// <see cref="SinTurnsReference"/>) and short Taylor series in <c>2πd</c>.</remarks>
    public static double SinTurns(double turns)
    {
        if (!double.IsFinite(turns)) return double.NaN;
        double r = turns - Math.Round(turns, MidpointRounding.ToEven); // exact, r ∈ [−½, ½]
        double scaled = r * 256.0;                                      // exact (power of two)
        double k = Math.Round(scaled, MidpointRounding.ToEven);
        double d = (scaled - k) * (1.0 / 256.0);                        // exact
        int i = (int)k & 255;
        double a = TwoPi * d, a2 = a * a;
        double sa = a + a * a2 * (-1.0 / 6.0 + a2 * (1.0 / 120.0 - a2 * (1.0 / 5040.0)));
        double ca = 1.0 - a2 * (0.5 - a2 * (1.0 / 24.0 - a2 * (1.0 / 720.0 - a2 * (1.0 / 40320.0))));
        return SinTable[i] * ca + CosTable[i] * sa;
    }

    /// <summary>
    /// <c>sin(2π·turns)</c> without tables: octant reduction and Taylor kernels of degree 19/18 on [−π/4, π/4].
    /// Slower than <see cref="SinTurns"/>; used to build its table, and available as an independent reference.
    /// </summary>
    public static double SinTurnsReference(double turns)
    {
        if (!double.IsFinite(turns)) return double.NaN;
        double r = turns - Math.Round(turns, MidpointRounding.ToEven); // exact, r ∈ [−½, ½]
        bool negate = r < 0;
        if (negate) r = -r; // r ∈ [0, ½]
        if (r > 0.25) r = 0.5 - r; // sin(π − a) = sin a; exact (Sterbenz), r ∈ [0, ¼]
        double s = r > 0.125 ? CosKernel(TwoPi * (0.25 - r)) : SinKernel(TwoPi * r);
        return negate ? -s : s;
    }

    private static readonly double[] SinTable = BuildTable(0.0);
    private static readonly double[] CosTable = BuildTable(0.25);

    private static double[] BuildTable(double shift)
    {
        var t = new double[256];
        for (int i = 0; i < 256; i++) t[i] = SinTurnsReference(i / 256.0 + shift); // exact arguments
        return t;
    }

    /// <summary><c>cos(2π·turns)</c>: the cosine of a phase given in turns (cycles).</summary>
    public static double CosTurns(double turns)
    {
        if (!double.IsFinite(turns)) return double.NaN;
        double r = turns - Math.Round(turns, MidpointRounding.ToEven);
        if (r < 0) r = -r; // cos is even; r ∈ [0, ½]
        bool negate = false;
        if (r > 0.25)
        {
            r = 0.5 - r; // cos(π − a) = −cos a
            negate = true;
        }
        double c = r > 0.125 ? SinKernel(TwoPi * (0.25 - r)) : CosKernel(TwoPi * r);
        return negate ? -c : c;
    }

    /// <summary>
    /// <c>sin(x)</c> for <paramref name="x"/> in radians, with exact argument reduction for every finite
    /// double (so a huge argument gives the sine of that exact double, as a correctly reducing libm does).
    /// Slower than <see cref="SinTurns"/> (an arbitrary-precision multiply per call); the generators use it
    /// only where they must mirror a computation done in radians.
    /// </summary>
    public static double SinRadians(double x)
    {
        if (!double.IsFinite(x)) return double.NaN;
        if (x == 0) return x;
        return SinTurns(TurnsOf(x));
    }

    /// <summary>The fractional part of <c>x / (2π)</c>, computed exactly from the bits of <paramref name="x"/>.</summary>
    internal static double TurnsOf(double x)
    {
        bool neg = x < 0;
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int biased = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0x000FFFFFFFFFFFFFL;
        int e2;
        if (biased == 0) e2 = -1074;
        else
        {
            mant |= 1L << 52;
            e2 = biased - 1075;
        }
        // |x| = mant · 2^e2 ; turns = mant · 2^e2 · InvTwoPi, InvTwoPi ≈ K / 2^P.
        BigInteger prod = InverseTwoPi.Value * mant; // ≈ |x|/(2π) · 2^(P − e2)
        int shift = InvTwoPiBits - e2; // the binary point sits `shift` bits from the right
        double frac;
        if (shift <= 0) frac = 0;
        else
        {
            BigInteger fracBits = shift >= prod.GetBitLength() ? prod : prod & ((BigInteger.One << shift) - 1);
            // Keep the top 64 bits of the fraction.
            int drop = Math.Max(0, shift - 64);
            ulong top = (ulong)(fracBits >> drop);
            frac = Math.ScaleB(top, -(shift - drop)); // power of two: exact scaling
        }
        return neg ? -frac : frac;
    }

    private const int InvTwoPiBits = 1280;

    private static readonly Lazy<BigInteger> InverseTwoPi = new(() =>
    {
        // floor(2^P / (2π)) from Machin's formula π = 16·atan(1/5) − 4·atan(1/239), in fixed point.
        const int guard = 64;
        int prec = InvTwoPiBits + guard;
        BigInteger one = BigInteger.One << prec;
        BigInteger pi = 16 * AtanInverse(5, one) - 4 * AtanInverse(239, one);
        return (one << InvTwoPiBits) / (2 * pi);
    });

    private static BigInteger AtanInverse(int n, BigInteger one)
    {
        BigInteger nn = (BigInteger)n * n;
        BigInteger power = one / n;
        BigInteger sum = power;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= nn;
            BigInteger term = power / (2 * k + 1);
            sum = (k & 1) == 1 ? sum - term : sum + term;
        }
        return sum;
    }

    private static double SinKernel(double a)
    {
        // sin a = a − a³/3! + … − a¹⁹/19!, |a| ≤ π/4.
        double a2 = a * a;
        double p = -1.0 / 121645100408832000.0; // −1/19!
        p = p * a2 + 1.0 / 355687428096000.0;   // 1/17!
        p = p * a2 - 1.0 / 1307674368000.0;     // −1/15!
        p = p * a2 + 1.0 / 6227020800.0;        // 1/13!
        p = p * a2 - 1.0 / 39916800.0;          // −1/11!
        p = p * a2 + 1.0 / 362880.0;            // 1/9!
        p = p * a2 - 1.0 / 5040.0;              // −1/7!
        p = p * a2 + 1.0 / 120.0;               // 1/5!
        p = p * a2 - 1.0 / 6.0;                 // −1/3!
        return a + a * (a2 * p);
    }

    private static double CosKernel(double a)
    {
        // cos a = 1 − a²/2! + … + a¹⁸/18!, |a| ≤ π/4.
        double a2 = a * a;
        double p = 1.0 / 6402373705728000.0;    // 1/18!
        p = p * a2 - 1.0 / 20922789888000.0;    // −1/16!
        p = p * a2 + 1.0 / 87178291200.0;       // 1/14!
        p = p * a2 - 1.0 / 479001600.0;         // −1/12!
        p = p * a2 + 1.0 / 3628800.0;           // 1/10!
        p = p * a2 - 1.0 / 40320.0;             // −1/8!
        p = p * a2 + 1.0 / 720.0;               // 1/6!
        p = p * a2 - 1.0 / 24.0;                // −1/4!
        p = p * a2 + 0.5;                       // 1/2!
        return 1.0 - a2 * p;
    }
}
