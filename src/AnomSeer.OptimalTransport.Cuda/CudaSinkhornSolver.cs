using System.Numerics;
using AnomSeer.OptimalTransport.Cuda.Internal;
using AnomSeer.OptimalTransport.Cuda.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>
/// Batched log-domain Sinkhorn on an ILGPU accelerator: CUDA on a GPU (<see cref="CreateCuda"/>), or ILGPU's
/// CPU accelerator (<see cref="CreateCpuAccelerator"/>), which runs the same kernels and is how they are tested
/// without a GPU. Computes in float32 on the device; results are float64 as for every <see cref="ISinkhornSolver"/>.
/// </summary>
/// <remarks>
/// <para>Algorithm: the log-domain updates of <see cref="SinkhornMethod.LogDomain"/> from <c>log u = log v = 0</c>,
/// ending with the v-update; each half-iteration is one kernel launch over the whole batch (problems of any sizes,
/// laid end to end with offsets), with no host round trip between iterations. W, the marginal errors and the
/// potentials are reduced on the device; the plan is never stored there.</para>
/// <para>Deviations from <see cref="CpuSinkhornSolver"/>: float64 problems are converted to float32 on upload;
/// <see cref="SinkhornMethod.Scaling"/> requests are iterated in the log domain too, which gives the same
/// iterates wherever the scaling form does not underflow (ε = 0.08 on costs in [0, 2] never does) and stays
/// finite where it would; <see cref="SinkhornOptions.MaxDegreeOfParallelism"/> is ignored; a requested plan is
/// computed on the host in float64 from the device potentials.</para>
/// <para>Device buffers are pooled and grow to the largest batch seen; nothing is allocated per iteration.
/// Calls are serialised (one batch at a time per instance).</para>
/// </remarks>
public sealed partial class CudaSinkhornSolver : ISinkhornSolver, IHiddenStateTransport, IDisposable
{
    private static readonly Action<ILogger, int, int, double, double, Exception?> s_notConverged =
        LoggerMessage.Define<int, int, double, double>(LogLevel.Warning, new EventId(1, "SinkhornNotConverged"),
            "Sinkhorn problem {Index} did not converge: {Iterations} iterations, marginal error {Error:G4}, epsilon {Epsilon} (device, log domain).");

    private readonly object _gate = new();
    private readonly Context? _ownedContext;
    private readonly Accelerator _accelerator;
    private readonly bool _ownsAccelerator;
    private readonly ILogger _logger;
    private readonly LaunchShape _shape;
    private readonly KernelSet _kernels;
    private readonly DeviceWorkspace _workspace;
    private readonly HostBuffer<float> _staging = new();
    private bool _disposed;

    /// <summary>Creates a solver on an accelerator the caller owns (and disposes after the solver).</summary>
    /// <param name="accelerator">A CUDA or CPU accelerator of a context created with <c>EnableAlgorithms()</c>.</param>
    /// <param name="options">Launch settings; <see cref="CudaSinkhornSolverOptions.Default"/> when null.</param>
    /// <param name="logger">Receives a warning per problem that does not converge; none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accelerator"/> is null.</exception>
    /// <exception cref="NotSupportedException">The accelerator's warp or group limits do not fit the kernels.</exception>
    public CudaSinkhornSolver(Accelerator accelerator, CudaSinkhornSolverOptions? options = null, ILogger<CudaSinkhornSolver>? logger = null)
        : this(null, accelerator, false, DefaultName(accelerator), options, logger)
    {
    }

    private CudaSinkhornSolver(Context? ownedContext, Accelerator accelerator, bool ownsAccelerator, string name,
        CudaSinkhornSolverOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        options ??= CudaSinkhornSolverOptions.Default;
        options.Validate();
        _ownedContext = ownedContext;
        _accelerator = accelerator;
        _ownsAccelerator = ownsAccelerator;
        _logger = logger ?? NullLogger.Instance;
        Name = name;
        _shape = LaunchShape.For(accelerator, options);
        _kernels = new KernelSet(accelerator);
        _workspace = new DeviceWorkspace(accelerator);
    }

    /// <summary>Creates a solver on CUDA device <paramref name="deviceIndex"/>, owning its ILGPU context.</summary>
    /// <param name="deviceIndex">Index among the CUDA devices ILGPU finds.</param>
    /// <param name="options">Launch settings; <see cref="CudaSinkhornSolverOptions.Default"/> when null.</param>
    /// <param name="logger">Receives a warning per problem that does not converge.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deviceIndex"/> is negative.</exception>
    /// <exception cref="CudaUnavailableException">No CUDA driver, no such device, or the device could not be opened.</exception>
    public static CudaSinkhornSolver CreateCuda(int deviceIndex = 0, CudaSinkhornSolverOptions? options = null, ILogger<CudaSinkhornSolver>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(deviceIndex);
        CudaNativeLibrary.Register();
        Context? context = null;
        try
        {
            context = Context.Create(b => b.Cuda().EnableAlgorithms().Optimize(OptimizationLevel.O2));
            var devices = context.GetCudaDevices();
            if (devices.Count == 0)
                throw new CudaUnavailableException("ILGPU found no CUDA device (no NVIDIA GPU, or the driver library libcuda.so.1 could not be loaded).");
            if (deviceIndex >= devices.Count)
                throw new CudaUnavailableException($"CUDA device {deviceIndex} was requested but only {devices.Count} device(s) exist.");
            var accelerator = devices[deviceIndex].CreateCudaAccelerator(context);
            return new CudaSinkhornSolver(context, accelerator, true, $"cuda:{deviceIndex}", options, logger);
        }
        catch (CudaUnavailableException)
        {
            context?.Dispose();
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context?.Dispose();
            throw new CudaUnavailableException($"The CUDA device could not be opened: {e.Message}", e);
        }
    }

    /// <summary>
    /// Creates a solver on ILGPU's CPU accelerator (a GPU simulator: warps of 4, groups of at most 16 threads by
    /// default). Slow; it exists to run and test the device kernels on machines without a GPU.
    /// </summary>
    /// <param name="device">The simulated device; <see cref="CPUDevice.Default"/> when null.</param>
    /// <param name="mode">How the simulator runs threads: <see cref="CPUAcceleratorMode.Parallel"/> (one OS thread per
    /// simulated thread), <see cref="CPUAcceleratorMode.Sequential"/>, or <see cref="CPUAcceleratorMode.Auto"/> (the default).</param>
    /// <param name="options">Launch settings; <see cref="CudaSinkhornSolverOptions.Default"/> when null.</param>
    /// <param name="logger">Receives a warning per problem that does not converge.</param>
    public static CudaSinkhornSolver CreateCpuAccelerator(CPUDevice? device = null, CPUAcceleratorMode mode = CPUAcceleratorMode.Auto, CudaSinkhornSolverOptions? options = null, ILogger<CudaSinkhornSolver>? logger = null)
    {
        var cpu = device ?? CPUDevice.Default;
        var context = Context.Create(b => b.CPU(cpu).EnableAlgorithms());
        try
        {
            var accelerator = cpu.CreateCPUAccelerator(context, mode);
            return new CudaSinkhornSolver(context, accelerator, true, "ilgpu-cpu", options, logger);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="ISinkhornSolver.Name" />
    public string Name { get; }

    /// <summary>The accelerator the kernels run on.</summary>
    public Accelerator Accelerator => _accelerator;

    /// <summary>Whether the accelerator is a CUDA GPU (false on ILGPU's CPU accelerator).</summary>
    public bool IsCuda => _accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>Device memory currently held by the pooled buffers, in bytes.</summary>
    public long PooledDeviceBytes
    {
        get { lock (_gate) return _workspace.Bytes; }
    }

    /// <summary>Both: float32 problems are solved as they are, float64 problems are converted to float32 on upload.</summary>
    public SinkhornPrecisions SupportedPrecisions => SinkhornPrecisions.Single | SinkhornPrecisions.Double;

    /// <inheritdoc />
    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<double>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
        SolveMany(problems, options, cancellationToken);

    /// <inheritdoc />
    public SinkhornResult[] SolveBatch(IReadOnlyList<SinkhornProblem<float>> problems, SinkhornOptions options, CancellationToken cancellationToken = default) =>
        SolveMany(problems, options, cancellationToken);

    /// <summary>
    /// The fused OT step of spec b.5 steps 3–5 on the device: norms, token masses, the cosine cost straight into the
    /// solver's cost buffer, Sinkhorn and W. Only the hidden states go up; W and the potentials come back.
    /// </summary>
    /// <inheritdoc cref="IHiddenStateTransport.SolveHiddenStates" />
    public SinkhornResult[] SolveHiddenStates(IReadOnlyList<HiddenStatePair> pairs, HiddenStateTransportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        options ??= HiddenStateTransportOptions.Paper;
        options.Validate();
        int dimension = HiddenStateValidation.Validate(pairs, nameof(pairs));
        var sinkhorn = options.Sinkhorn;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var layout = BatchLayout.Create(pairs.Count, p => pairs[p].Response.Rows, p => pairs[p].Reference.Rows, nameof(pairs));
            var results = EmptyResults(pairs.Count, p => pairs[p].Response.Rows, p => pairs[p].Reference.Rows);
            if (layout.Count > 0)
            {
                var stream = _accelerator.DefaultStream;
                var views = _workspace.Prepare(layout, _shape.WarpSize, NegInvEpsilon(sinkhorn), stream);
                var hidden = UploadHiddenStates(pairs, layout, dimension, stream);
                ComputeCostOnDevice(layout, views, hidden, dimension, options.Masses);
                var back = SinkhornDriver.Run(_kernels, _shape, stream, layout, views, sinkhorn, cancellationToken);
                float[]? deviceCost = null;
                if (sinkhorn.ReturnPlan)
                {
                    deviceCost = new float[layout.TotalCost];
                    views.Cost.SubView(0, layout.TotalCost).CopyToCPU(stream, deviceCost.AsSpan());
                }
                Fill(results, layout, back, sinkhorn, q => deviceCost.AsSpan(checked((int)layout.CostOffset[q]), layout.Rows[q] * layout.Columns[q]));
            }
            Report(results, sinkhorn);
            return results;
        }
    }

    /// <summary>Releases the pooled device buffers and, when this solver created them, the accelerator and context.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _workspace.Dispose();
            if (_ownsAccelerator) _accelerator.Dispose();
            _ownedContext?.Dispose();
        }
    }

    private SinkhornResult[] SolveMany<T>(IReadOnlyList<SinkhornProblem<T>> problems, SinkhornOptions options, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ProblemValidation.Validate(problems, nameof(problems));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var layout = BatchLayout.Create(problems.Count, p => problems[p].Rows, p => problems[p].Columns, nameof(problems));
            var results = EmptyResults(problems.Count, p => problems[p].Rows, p => problems[p].Columns);
            if (layout.Count > 0)
            {
                var stream = _accelerator.DefaultStream;
                var views = _workspace.Prepare(layout, _shape.WarpSize, NegInvEpsilon(options), stream);
                UploadProblems(problems, layout, views, stream);
                var back = SinkhornDriver.Run(_kernels, _shape, stream, layout, views, options, cancellationToken);
                float[] plan = [];
                Fill(results, layout, back, options, q =>
                {
                    var cost = problems[layout.Source[q]].Cost.Span;
                    if (plan.Length < cost.Length) plan = new float[cost.Length];
                    for (int e = 0; e < cost.Length; e++) plan[e] = float.CreateTruncating(cost[e]);
                    return plan.AsSpan(0, cost.Length);
                });
            }
            Report(results, options);
            return results;
        }
    }

    private void UploadProblems<T>(IReadOnlyList<SinkhornProblem<T>> problems, BatchLayout layout, SinkhornViews views, AcceleratorStream stream)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rowMass = new float[layout.TotalRows];
        var logRowMass = new float[layout.TotalRows];
        var columnMass = new float[layout.TotalColumns];
        var logColumnMass = new float[layout.TotalColumns];
        for (int q = 0; q < layout.Count; q++)
        {
            var problem = problems[layout.Source[q]];
            MassNormalization.Normalize(problem.RowMass.Span, rowMass.AsSpan(layout.RowOffset[q], layout.Rows[q]), logRowMass.AsSpan(layout.RowOffset[q], layout.Rows[q]));
            MassNormalization.Normalize(problem.ColumnMass.Span, columnMass.AsSpan(layout.ColumnOffset[q], layout.Columns[q]), logColumnMass.AsSpan(layout.ColumnOffset[q], layout.Columns[q]));
            var cost = problem.Cost.Span;
            var target = views.Cost.SubView(layout.CostOffset[q], cost.Length);
            if (typeof(T) == typeof(float))
            {
                target.CopyFromCPU(stream, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(cost));
            }
            else
            {
                var staging = _staging.Span(cost.Length);
                for (int e = 0; e < cost.Length; e++) staging[e] = float.CreateTruncating(cost[e]);
                target.CopyFromCPU(stream, (ReadOnlySpan<float>)staging);
            }
        }
        views.RowMass.SubView(0, layout.TotalRows).CopyFromCPU(stream, (ReadOnlySpan<float>)rowMass);
        views.LogRowMass.SubView(0, layout.TotalRows).CopyFromCPU(stream, (ReadOnlySpan<float>)logRowMass);
        views.ColumnMass.SubView(0, layout.TotalColumns).CopyFromCPU(stream, (ReadOnlySpan<float>)columnMass);
        views.LogColumnMass.SubView(0, layout.TotalColumns).CopyFromCPU(stream, (ReadOnlySpan<float>)logColumnMass);
    }

    /// <summary>Norms, masses and the cosine cost, all on the device, into the batch's buffers.</summary>
    private void ComputeCostOnDevice(BatchLayout layout, SinkhornViews views, HiddenStateViews hidden, int dimension, TokenMassKind masses)
    {
        _kernels.Norms(_shape.PerWarp(layout.TotalRows), hidden.Response, hidden.ResponseNorm, layout.TotalRows, dimension);
        _kernels.Norms(_shape.PerWarp(layout.TotalColumns), hidden.Reference, hidden.ReferenceNorm, layout.TotalColumns, dimension);
        int uniform = masses == TokenMassKind.Uniform ? 1 : 0;
        _kernels.Masses(_shape.PerGroup(layout.Count), hidden.ResponseNorm, views.Batch.RowOffset, views.Batch.Rows, views.RowMass, views.LogRowMass, uniform);
        _kernels.Masses(_shape.PerGroup(layout.Count), hidden.ReferenceNorm, views.Batch.ColumnOffset, views.Batch.Columns, views.ColumnMass, views.LogColumnMass, uniform);
        _kernels.CosineCost(_shape.PerTile((int)hidden.TileProblem.Length), views, hidden);
    }

    private HiddenStateViews UploadHiddenStates(IReadOnlyList<HiddenStatePair> pairs, BatchLayout layout, int dimension, AcceleratorStream stream)
    {
        var x = _workspace.Response.View((long)layout.TotalRows * dimension);
        var y = _workspace.Reference.View((long)layout.TotalColumns * dimension);
        for (int q = 0; q < layout.Count; q++)
        {
            var pair = pairs[layout.Source[q]];
            x.SubView((long)layout.RowOffset[q] * dimension, pair.Response.Values.Length).CopyFromCPU(stream, pair.Response.Values.Span);
            y.SubView((long)layout.ColumnOffset[q] * dimension, pair.Reference.Values.Length).CopyFromCPU(stream, pair.Reference.Values.Span);
        }
        var (tileProblem, tileRow, tileColumn) = layout.Tiles(_shape.TileExtent);
        return new HiddenStateViews
        {
            Response = x,
            Reference = y,
            ResponseNorm = _workspace.ResponseNorm.View(layout.TotalRows),
            ReferenceNorm = _workspace.ReferenceNorm.View(layout.TotalColumns),
            TileProblem = _workspace.TileProblem.Upload(tileProblem),
            TileRow = _workspace.TileRow.Upload(tileRow),
            TileColumn = _workspace.TileColumn.Upload(tileColumn),
            Dimension = dimension,
            TileSide = _shape.TileSide,
        };
    }

    private static SinkhornResult[] EmptyResults(int count, Func<int, int> rowsOf, Func<int, int> columnsOf)
    {
        var results = new SinkhornResult[count];
        for (int p = 0; p < count; p++)
            if (rowsOf(p) == 0 || columnsOf(p) == 0)
                results[p] = SinkhornResult.Empty(rowsOf(p), columnsOf(p));
        return results;
    }

    private delegate ReadOnlySpan<float> CostOf(int q);

    private static void Fill(SinkhornResult[] results, BatchLayout layout, SinkhornDriver.Readback back, SinkhornOptions options, CostOf costOf)
    {
        double negInvEpsilon = NegInvEpsilon(options);
        double threshold = options.Tolerance > 0 ? options.Tolerance : options.AcceptableMarginalError;
        for (int q = 0; q < layout.Count; q++)
        {
            int n = layout.Rows[q], m = layout.Columns[q];
            var logU = new double[n];
            var logV = new double[m];
            for (int i = 0; i < n; i++) logU[i] = back.LogU[layout.RowOffset[q] + i];
            for (int j = 0; j < m; j++) logV[j] = back.LogV[layout.ColumnOffset[q] + j];
            double[]? plan = null;
            if (options.ReturnPlan)
            {
                var cost = costOf(q);
                plan = new double[n * m];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < m; j++)
                        plan[i * m + j] = Math.Exp(cost[i * m + j] * negInvEpsilon + logU[i] + logV[j]);
            }
            double w = back.Cost[q];
            double error = back.RowError[q] + back.ColumnError[q];
            bool converged = double.IsFinite(w) && error <= threshold;
            results[layout.Source[q]] = new SinkhornResult(w, back.Iterations[q], error, converged, logU, logV, plan);
        }
    }

    private void Report(SinkhornResult[] results, SinkhornOptions options)
    {
        for (int p = 0; p < results.Length; p++)
            if (!results[p].Converged)
                s_notConverged(_logger, p, results[p].Iterations, results[p].MarginalError, options.Epsilon, null);
    }

    private static float NegInvEpsilon(SinkhornOptions options) => (float)(-1.0 / options.Epsilon);

    private static string DefaultName(Accelerator accelerator) => accelerator?.AcceleratorType switch
    {
        AcceleratorType.Cuda => "cuda",
        AcceleratorType.CPU => "ilgpu-cpu",
        null => "none",
        var other => "ilgpu-" + other.ToString()!.ToLowerInvariant(),
    };
}
