namespace AnomSeer.Data.Random;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// the standard way to turn a 64-bit seed into well-mixed 64-bit words. Used here to seed
/// <see cref="SeededRandom"/> and to derive independent per-series streams from (seed, stream, index).
/// </summary>
/// <remarks>
/// Step: <c>state += 0x9E3779B97F4A7C15</c>; output <c>z = state</c>,
/// <c>z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9</c>, <c>z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB</c>,
/// <c>z ^ (z &gt;&gt; 31)</c>. Integer arithmetic only, so identical on every platform.
/// </remarks>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment <c>0x9E3779B97F4A7C15</c>.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> by one step and returns the mixed output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Increment;
        return Mix(state);
    }

    /// <summary>The SplitMix64 output function (a bijective 64-bit finaliser) applied to <paramref name="z"/>.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
