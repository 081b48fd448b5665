namespace AnomSeer.Plotting.Tests;

/// <summary>Deterministic test signals.</summary>
internal static class TestSeries
{
    internal static double[] Sine(int n, double amplitude = 0.6, double frequency = 0.01, double phase = 0) =>
        Enumerable.Range(0, n).Select(t => amplitude * Math.Sin(2 * Math.PI * frequency * t + phase)).ToArray();

    internal static double[] Noisy(int n, int seed, double scale = 0.3)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(t => 0.5 * Math.Sin(t * 0.05) + scale * (r.NextDouble() - 0.5)).ToArray();
    }
}
