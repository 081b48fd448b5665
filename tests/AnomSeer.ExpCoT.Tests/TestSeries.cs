namespace AnomSeer.ExpCoT.Tests;

/// <summary>Deterministic series built in the tests (no dependency on the data package).</summary>
internal static class TestSeries
{
    public static double[] Gaussian(int n, double sd, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            x[i] = sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return x;
    }

    public static double[] Sine(int n, double frequency, double amplitude = 1, double phase = 0)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amplitude * Math.Sin(2 * Math.PI * frequency * i + phase);
        return x;
    }

    public static double[] Add(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (int i = 0; i < a.Length; i++) c[i] = a[i] + b[i];
        return c;
    }
}
