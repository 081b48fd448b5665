using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.Benchmarks.Cuda;

/// <summary>The device's measured ceilings: device-to-device copy bandwidth and float32 FMA throughput.</summary>
public static class DeviceCeilings
{
    /// <summary>Read + written bytes per second of a large device-to-device copy (best of a few).</summary>
    public static double CopyBandwidth(Accelerator accelerator, long bytes)
    {
        long n = bytes / 4;
        using var a = accelerator.Allocate1D<float>(n);
        using var b = accelerator.Allocate1D<float>(n);
        a.MemSetToZero();
        accelerator.Synchronize();
        double best = double.MaxValue;
        for (int r = 0; r < 5; r++)
        {
            var clock = Stopwatch.StartNew();
            a.View.CopyTo(b.View);
            accelerator.Synchronize();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * 4 / best;
    }

    /// <summary>float32 FLOP/s of independent FMA chains (2 FLOP per FMA), best of a few.</summary>
    public static double FmaThroughput(Accelerator accelerator, int threads, int loops)
    {
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, int>(FmaKernel);
        using var output = accelerator.Allocate1D<float>(threads);
        kernel(threads, output.View, loops);
        accelerator.Synchronize();
        double best = double.MaxValue;
        for (int r = 0; r < 3; r++)
        {
            var clock = Stopwatch.StartNew();
            kernel(threads, output.View, loops);
            accelerator.Synchronize();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return (double)threads * loops * 8 * 2 / best;
    }

    /// <summary>Eight independent FMA chains per thread.</summary>
    public static void FmaKernel(Index1D index, ArrayView<float> output, int loops)
    {
        float x = index * 1e-7f, a0 = x, a1 = x + 1, a2 = x + 2, a3 = x + 3, a4 = x + 4, a5 = x + 5, a6 = x + 6, a7 = x + 7;
        const float m = 0.999999f, c = 1e-7f;
        for (int i = 0; i < loops; i++)
        {
            a0 = a0 * m + c; a1 = a1 * m + c; a2 = a2 * m + c; a3 = a3 * m + c;
            a4 = a4 * m + c; a5 = a5 * m + c; a6 = a6 * m + c; a7 = a7 * m + c;
        }
        output[index] = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
}
