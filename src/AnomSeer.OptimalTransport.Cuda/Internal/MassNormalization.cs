using System.Numerics;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>The solver's mass preprocessing (spec b.5 step 5), done on the host in float64 before upload.</summary>
internal static class MassNormalization
{
    /// <summary><c>a ← max(m, 1e-12) / Σ max(m, 1e-12)</c>, written as float32 with its logarithm.</summary>
    public static void Normalize<T>(ReadOnlySpan<T> mass, Span<float> normalized, Span<float> log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < mass.Length; i++) sum += Math.Max(double.CreateTruncating(mass[i]), 1e-12);
        for (int i = 0; i < mass.Length; i++)
        {
            double a = Math.Max(double.CreateTruncating(mass[i]), 1e-12) / sum;
            normalized[i] = (float)a;
            log[i] = (float)Math.Log(a);
        }
    }
}
