namespace AnomSeer.Data.Random;

/// <summary>
/// A seeded pseudo-random generator that gives the same sequence on every platform and .NET version:
/// xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018),
/// seeded through <see cref="SplitMix64"/>, with documented transforms to uniform, normal and
/// exponential variates. Never use <see cref="System.Random"/> for data that must be reproducible.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="NextUInt64"/>: xoshiro256**: <c>result = rotl(s1 * 5, 7) * 9</c>, <c>t = s1 &lt;&lt; 17</c>,
/// <c>s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)</c>.</item>
/// <item><see cref="NextDouble"/>: the top 53 bits times 2⁻⁵³, uniform on [0, 1).</item>
/// <item><see cref="Uniform"/>: <c>a + (b − a)·U</c>, U from <see cref="NextDouble"/>.</item>
/// <item><see cref="NextInt(int)"/>: Lemire's multiply-shift with rejection (unbiased).</item>
/// <item><see cref="NextBoolean"/>: the top bit of <see cref="NextUInt64"/>.</item>
/// <item><see cref="Normal"/>: the Marsaglia–Tsang ziggurat (2000), 128 layers. One 64-bit output per try: the
/// low 7 bits pick the layer, the high 32 bits (as a signed integer j) the value <c>x = j·w[i]</c>, accepted when
/// <c>|j| &lt; k[i]</c> (about 98.8 % of tries); otherwise the exact wedge test <c>f[i] + U·(f[i−1] − f[i]) &lt; exp(−x²/2)</c>,
/// or for layer 0 Marsaglia's tail method beyond r = 3.4426. Using separate bits for the layer and the value
/// avoids the original's correlation defect. The tables and the rare exp/log calls use <see cref="DeterministicMath"/>.</item>
/// <item><see cref="Exponential"/>: inversion, <c>−mean·ln(1 − U)</c>.</item>
/// </list>
/// Only integer operations and correctly rounded IEEE-754 operations (+, −, ×, ÷, √) are used, so a seed
/// gives bit-identical doubles everywhere. Not thread-safe; not for cryptography.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose state is the first four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        ulong sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is a fixed point (cannot happen from SplitMix64, kept for safety)
    }

    /// <summary>
    /// A generator for one member of a family of independent streams, keyed by a user seed, a stream id
    /// (for example a task) and an index (for example a series number). The key is
    /// <c>Mix(Mix(Mix(seed) ^ stream) ^ index)</c> with <see cref="SplitMix64.Mix"/> applied to
    /// <c>value + 0x9E3779B97F4A7C15</c> at each step; the generator is then <c>new SeededRandom(key)</c>.
    /// </summary>
    /// <remarks>Series i of a task therefore does not depend on how many series are generated, and any
    /// subset can be generated in parallel or on its own.</remarks>
    public static SeededRandom ForStream(ulong seed, ulong stream, ulong index)
    {
        ulong k = SplitMix64.Mix(seed + SplitMix64.Increment);
        k = SplitMix64.Mix((k ^ stream) + SplitMix64.Increment);
        k = SplitMix64.Mix((k ^ index) + SplitMix64.Increment);
        return new SeededRandom(k);
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>A uniform double on [<paramref name="low"/>, <paramref name="high"/>): <c>low + (high − low)·U</c>.</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>A fair coin: the top bit of the next 64-bit output.</summary>
    public bool NextBoolean() => (NextUInt64() >> 63) != 0;

    /// <summary>A uniform integer on [0, <paramref name="exclusiveMax"/>), unbiased (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="exclusiveMax"/> is not positive.</exception>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        ulong n = (ulong)exclusiveMax;
        while (true)
        {
            ulong x = NextUInt64() >> 32;          // 32 random bits
            ulong m = x * n;                        // < 2^63
            ulong low = m & 0xFFFFFFFFUL;
            if (low >= n || low >= (0x1_0000_0000UL - n) % n)
                return (int)(m >> 32);
        }
    }

    /// <summary>A normal variate with the given mean and standard deviation (ziggurat; see the type's remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is negative or not finite.</exception>
    public double Normal(double mean, double standardDeviation)
    {
        if (!(standardDeviation >= 0) || double.IsInfinity(standardDeviation))
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation must be finite and non-negative.");
        return mean + standardDeviation * StandardNormal();
    }

    /// <summary>A standard normal variate (mean 0, standard deviation 1), by the ziggurat method (see the type's remarks).</summary>
    public double StandardNormal()
    {
        while (true)
        {
            ulong bits = NextUInt64();
            int i = (int)(bits & 0x7F);
            int j = (int)(bits >> 32);
            uint absJ = j < 0 ? (uint)(-(long)j) : (uint)j;
            double x = j * Ziggurat.W[i];
            if (absJ < Ziggurat.K[i]) return x;
            if (i == 0)
            {
                // Tail beyond r (Marsaglia 1964): x = −ln(U1)/r, y = −ln(U2) until 2y > x².
                double tx, ty;
                do
                {
                    tx = -DeterministicMath.Log(1.0 - NextDouble()) / Ziggurat.R;
                    ty = -DeterministicMath.Log(1.0 - NextDouble());
                }
                while (ty + ty < tx * tx);
                return j > 0 ? Ziggurat.R + tx : -Ziggurat.R - tx;
            }
            if (Ziggurat.F[i] + NextDouble() * (Ziggurat.F[i - 1] - Ziggurat.F[i]) < DeterministicMath.Exp(-0.5 * x * x))
                return x;
        }
    }

    /// <summary>An exponential variate with the given mean (scale), by inversion: <c>−mean·ln(1 − U)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not positive and finite.</exception>
    public double Exponential(double mean)
    {
        if (!(mean > 0) || double.IsInfinity(mean))
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean of an exponential distribution must be positive and finite.");
        return -mean * DeterministicMath.Log(1.0 - NextDouble());
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
