using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>Mass preprocessing and plan diagnostics shared by both Sinkhorn forms.</summary>
internal static class SinkhornMasses
{
    /// <summary>Spec b.5 step 5: <c>m ← max(m, 1e-12); m ← m / Σm</c>.</summary>
    public static void Normalize<T>(ReadOnlySpan<T> mass, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Max(mass, FloatLimits<T>.MassFloor, destination);
        T sum = TensorPrimitives.Sum<T>(destination);
        TensorPrimitives.Divide(destination, sum, destination);
    }

    /// <summary><c>Σ_i |actual_i − expected_i|</c> in float64.</summary>
    public static double L1Distance<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        for (int i = 0; i < actual.Length; i++)
            sum += Math.Abs(double.CreateTruncating(actual[i]) - double.CreateTruncating(expected[i]));
        return sum;
    }

    /// <summary>Copies a span to a new float64 array.</summary>
    public static double[] ToDoubles<T>(ReadOnlySpan<T> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = double.CreateTruncating(values[i]);
        return result;
    }

    /// <summary>Whether the result meets the options' criterion.</summary>
    public static bool IsConverged(double cost, double error, SinkhornOptions options) =>
        double.IsFinite(cost) && error <= (options.Tolerance > 0 ? options.Tolerance : options.AcceptableMarginalError);
}
