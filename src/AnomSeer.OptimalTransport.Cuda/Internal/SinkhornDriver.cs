using AnomSeer.OptimalTransport.Cuda.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>
/// Runs the iterations of a prepared batch on the device and reads back W, the marginal errors and the
/// potentials. Every half-iteration is one asynchronous launch over the whole batch; the host waits only at
/// the end, and, when a tolerance is set, once every <see cref="SinkhornOptions.CheckEvery"/> iterations to read
/// one error per problem.
/// </summary>
internal static class SinkhornDriver
{
    /// <summary>What comes back from the device for a batch.</summary>
    public sealed record Readback(double[] Cost, double[] RowError, double[] ColumnError, float[] LogU, float[] LogV, int[] Iterations);

    public static Readback Run(KernelSet kernels, LaunchShape shape, AcceleratorStream stream, BatchLayout layout,
        SinkhornViews views, SinkhornOptions options, CancellationToken cancellationToken)
    {
        int count = layout.Count;
        var rowConfig = shape.PerWarp(layout.TotalRows);
        var columnConfig = shape.PerGroup((int)views.Batch.BlockProblem.Length);
        var problemConfig = shape.PerGroup(count);
        var iterations = new int[count];
        Array.Fill(iterations, options.MaxIterations);
        var active = new int[count];
        Array.Fill(active, 1);
        int remaining = count;
        var rowError = new double[count];

        for (int k = 1; k <= options.MaxIterations; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            kernels.RowHalfStep(rowConfig, views);
            kernels.ColumnHalfStep(columnConfig, views);
            if (options.Tolerance > 0 && k % options.CheckEvery == 0 && k < options.MaxIterations)
            {
                kernels.RowSums(rowConfig, views);
                kernels.ProblemSums(problemConfig, views, 0);
                stream.Synchronize();
                views.ProblemRowError.SubView(0, count).CopyToCPU(stream, rowError.AsSpan());
                for (int q = 0; q < count; q++)
                {
                    if (active[q] == 1 && rowError[q] <= options.Tolerance)
                    {
                        active[q] = 0;
                        iterations[q] = k;
                        remaining--;
                    }
                }
                if (remaining == 0) break;
                views.Active.SubView(0, count).CopyFromCPU(stream, (ReadOnlySpan<int>)active);
            }
        }

        kernels.RowSums(rowConfig, views);
        kernels.ColumnSums(columnConfig, views);
        kernels.ProblemSums(problemConfig, views, 1);
        stream.Synchronize();

        var cost = new double[count];
        var columnError = new double[count];
        var logU = new float[layout.TotalRows];
        var logV = new float[layout.TotalColumns];
        views.ProblemCost.SubView(0, count).CopyToCPU(stream, cost.AsSpan());
        views.ProblemRowError.SubView(0, count).CopyToCPU(stream, rowError.AsSpan());
        views.ProblemColumnError.SubView(0, count).CopyToCPU(stream, columnError.AsSpan());
        if (logU.Length > 0) views.LogU.SubView(0, logU.Length).CopyToCPU(stream, logU.AsSpan());
        if (logV.Length > 0) views.LogV.SubView(0, logV.Length).CopyToCPU(stream, logV.AsSpan());
        stream.Synchronize();
        return new Readback(cost, rowError, columnError, logU, logV, iterations);
    }
}
