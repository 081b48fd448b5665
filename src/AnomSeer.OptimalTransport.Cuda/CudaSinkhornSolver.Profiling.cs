using System.Diagnostics;
using AnomSeer.OptimalTransport.Cuda.Internal;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda;

public sealed partial class CudaSinkhornSolver
{
    /// <summary>Device-only timings of a batch whose inputs are already on the device (for the benchmarks).</summary>
    /// <param name="CostMilliseconds">Norms, masses and the cosine cost (0 for cost-matrix batches).</param>
    /// <param name="SinkhornMilliseconds">The iterations, the final sums and the read-back of W and the potentials.</param>
    /// <param name="Results">The results of the last repetition.</param>
    internal sealed record DeviceTimings(double[] CostMilliseconds, double[] SinkhornMilliseconds, SinkhornResult[] Results);

    /// <summary>Uploads once, then runs the device phases <paramref name="repeats"/> times, synchronising around each.</summary>
    internal DeviceTimings ProfileHiddenStates(IReadOnlyList<HiddenStatePair> pairs, HiddenStateTransportOptions options, int repeats)
    {
        options.Validate();
        int dimension = HiddenStateValidation.Validate(pairs, nameof(pairs));
        lock (_gate)
        {
            var stream = _accelerator.DefaultStream;
            var layout = BatchLayout.Create(pairs.Count, p => pairs[p].Response.Rows, p => pairs[p].Reference.Rows, nameof(pairs));
            var costTimes = new double[repeats];
            var solveTimes = new double[repeats];
            SinkhornResult[] results = [];
            var views = _workspace.Prepare(layout, _shape.WarpSize, NegInvEpsilon(options.Sinkhorn), stream);
            var hidden = UploadHiddenStates(pairs, layout, dimension, stream);
            stream.Synchronize();
            for (int r = 0; r < repeats; r++)
            {
                views = _workspace.Prepare(layout, _shape.WarpSize, NegInvEpsilon(options.Sinkhorn), stream);
                stream.Synchronize();
                var clock = Stopwatch.StartNew();
                ComputeCostOnDevice(layout, views, hidden, dimension, options.Masses);
                stream.Synchronize();
                costTimes[r] = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                var back = SinkhornDriver.Run(_kernels, _shape, stream, layout, views, options.Sinkhorn, CancellationToken.None);
                solveTimes[r] = clock.Elapsed.TotalMilliseconds;
                results = EmptyResults(pairs.Count, p => pairs[p].Response.Rows, p => pairs[p].Reference.Rows);
                Fill(results, layout, back, options.Sinkhorn with { ReturnPlan = false }, _ => default);
            }
            return new DeviceTimings(costTimes, solveTimes, results);
        }
    }

    /// <summary>Uploads a cost-matrix batch once, then times the device iterations <paramref name="repeats"/> times.</summary>
    internal DeviceTimings ProfileBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, int repeats)
    {
        options.Validate();
        lock (_gate)
        {
            var stream = _accelerator.DefaultStream;
            var layout = BatchLayout.Create(problems.Count, p => problems[p].Rows, p => problems[p].Columns, nameof(problems));
            var solveTimes = new double[repeats];
            SinkhornResult[] results = [];
            var views = _workspace.Prepare(layout, _shape.WarpSize, NegInvEpsilon(options), stream);
            UploadProblems(problems, layout, views, stream);
            stream.Synchronize();
            for (int r = 0; r < repeats; r++)
            {
                views.LogU.MemSetToZero(stream);
                views.LogV.MemSetToZero(stream);
                var active = new int[layout.Count];
                Array.Fill(active, 1);
                views.Active.SubView(0, layout.Count).CopyFromCPU(stream, (ReadOnlySpan<int>)active);
                stream.Synchronize();
                var clock = Stopwatch.StartNew();
                var back = SinkhornDriver.Run(_kernels, _shape, stream, layout, views, options, CancellationToken.None);
                solveTimes[r] = clock.Elapsed.TotalMilliseconds;
                results = EmptyResults(problems.Count, p => problems[p].Rows, p => problems[p].Columns);
                Fill(results, layout, back, options with { ReturnPlan = false }, _ => default);
            }
            return new DeviceTimings(new double[repeats], solveTimes, results);
        }
    }
}
