using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// The machine's measured peak: independent fused multiply-adds on registers (no memory traffic), widest
/// vectors, float64 and float32, one core and all cores. Each call performs <see cref="FlopsPerCore"/> flops per core.
/// </summary>
public class PeakFlopsBenchmarks
{
    private const int Steps = 1_000_000;

    /// <summary>Flops per core per call: steps × 8 accumulators × lanes × 2 (float64 lanes; float32 doubles it).</summary>
    public static double FlopsPerCore(bool single) => (double)Steps * 8 * (Vector512.IsHardwareAccelerated ? 8 : 4) * (single ? 2 : 1) * 2;

    /// <summary>float64 FMAs on one core.</summary>
    [Benchmark]
    public double Fma64_OneCore() => Run64(1.0000001);

    /// <summary>float64 FMAs on every core.</summary>
    [Benchmark]
    public double Fma64_AllCores()
    {
        double sum = 0;
        Parallel.For(0, Environment.ProcessorCount, _ => { double r = Run64(1.0000001); lock (this) sum += r; });
        return sum;
    }

    /// <summary>float32 FMAs on one core.</summary>
    [Benchmark]
    public float Fma32_OneCore() => Run32(1.0000001f);

    /// <summary>float32 FMAs on every core.</summary>
    [Benchmark]
    public float Fma32_AllCores()
    {
        float sum = 0;
        Parallel.For(0, Environment.ProcessorCount, _ => { float r = Run32(1.0000001f); lock (this) sum += r; });
        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Run64(double m)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var mul = Vector512.Create(m);
            var add = Vector512.Create(1e-9);
            Vector512<double> a0 = Vector512<double>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int s = 0; s < Steps; s++)
            {
                a0 = Vector512.FusedMultiplyAdd(a0, mul, add); a1 = Vector512.FusedMultiplyAdd(a1, mul, add);
                a2 = Vector512.FusedMultiplyAdd(a2, mul, add); a3 = Vector512.FusedMultiplyAdd(a3, mul, add);
                a4 = Vector512.FusedMultiplyAdd(a4, mul, add); a5 = Vector512.FusedMultiplyAdd(a5, mul, add);
                a6 = Vector512.FusedMultiplyAdd(a6, mul, add); a7 = Vector512.FusedMultiplyAdd(a7, mul, add);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
        }
        else
        {
            var mul = Vector256.Create(m);
            var add = Vector256.Create(1e-9);
            Vector256<double> a0 = Vector256<double>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int s = 0; s < Steps; s++)
            {
                a0 = Vector256.FusedMultiplyAdd(a0, mul, add); a1 = Vector256.FusedMultiplyAdd(a1, mul, add);
                a2 = Vector256.FusedMultiplyAdd(a2, mul, add); a3 = Vector256.FusedMultiplyAdd(a3, mul, add);
                a4 = Vector256.FusedMultiplyAdd(a4, mul, add); a5 = Vector256.FusedMultiplyAdd(a5, mul, add);
                a6 = Vector256.FusedMultiplyAdd(a6, mul, add); a7 = Vector256.FusedMultiplyAdd(a7, mul, add);
            }
            return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run32(float m)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var mul = Vector512.Create(m);
            var add = Vector512.Create(1e-9f);
            Vector512<float> a0 = Vector512<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int s = 0; s < Steps; s++)
            {
                a0 = Vector512.FusedMultiplyAdd(a0, mul, add); a1 = Vector512.FusedMultiplyAdd(a1, mul, add);
                a2 = Vector512.FusedMultiplyAdd(a2, mul, add); a3 = Vector512.FusedMultiplyAdd(a3, mul, add);
                a4 = Vector512.FusedMultiplyAdd(a4, mul, add); a5 = Vector512.FusedMultiplyAdd(a5, mul, add);
                a6 = Vector512.FusedMultiplyAdd(a6, mul, add); a7 = Vector512.FusedMultiplyAdd(a7, mul, add);
            }
            return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
        }
        else
        {
            var mul = Vector256.Create(m);
            var add = Vector256.Create(1e-9f);
            Vector256<float> a0 = Vector256<float>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int s = 0; s < Steps; s++)
            {
                a0 = Vector256.FusedMultiplyAdd(a0, mul, add); a1 = Vector256.FusedMultiplyAdd(a1, mul, add);
                a2 = Vector256.FusedMultiplyAdd(a2, mul, add); a3 = Vector256.FusedMultiplyAdd(a3, mul, add);
                a4 = Vector256.FusedMultiplyAdd(a4, mul, add); a5 = Vector256.FusedMultiplyAdd(a5, mul, add);
                a6 = Vector256.FusedMultiplyAdd(a6, mul, add); a7 = Vector256.FusedMultiplyAdd(a7, mul, add);
            }
            return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
        }
    }
}
