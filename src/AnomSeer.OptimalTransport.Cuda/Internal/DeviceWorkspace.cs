using AnomSeer.OptimalTransport.Cuda.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>
/// Every device buffer a solver uses, pooled: each grows to the largest batch seen and is reused, so a
/// steady training loop allocates no device memory, and no iteration ever does.
/// </summary>
internal sealed class DeviceWorkspace : IDisposable
{
    private readonly List<IDisposable> _all = [];

    public DeviceWorkspace(Accelerator accelerator)
    {
        DeviceBuffer<TE> New<TE>() where TE : unmanaged
        {
            var b = new DeviceBuffer<TE>(accelerator);
            _all.Add(b);
            return b;
        }
        Rows = New<int>(); Columns = New<int>(); RowOffset = New<int>(); ColumnOffset = New<int>(); CostOffset = New<long>();
        RowProblem = New<int>(); BlockProblem = New<int>(); BlockStart = New<int>();
        Cost = New<float>(); RowMass = New<float>(); ColumnMass = New<float>(); LogRowMass = New<float>(); LogColumnMass = New<float>();
        LogU = New<float>(); LogV = New<float>(); Active = New<int>(); RowSum = New<float>(); RowCost = New<float>(); ColumnSum = New<float>();
        ProblemCost = New<double>(); ProblemRowError = New<double>(); ProblemColumnError = New<double>();
        Response = New<float>(); Reference = New<float>(); ResponseNorm = New<float>(); ReferenceNorm = New<float>();
        TileProblem = New<int>(); TileRow = New<int>(); TileColumn = New<int>();
    }

    public DeviceBuffer<int> Rows { get; }
    public DeviceBuffer<int> Columns { get; }
    public DeviceBuffer<int> RowOffset { get; }
    public DeviceBuffer<int> ColumnOffset { get; }
    public DeviceBuffer<long> CostOffset { get; }
    public DeviceBuffer<int> RowProblem { get; }
    public DeviceBuffer<int> BlockProblem { get; }
    public DeviceBuffer<int> BlockStart { get; }
    public DeviceBuffer<float> Cost { get; }
    public DeviceBuffer<float> RowMass { get; }
    public DeviceBuffer<float> ColumnMass { get; }
    public DeviceBuffer<float> LogRowMass { get; }
    public DeviceBuffer<float> LogColumnMass { get; }
    public DeviceBuffer<float> LogU { get; }
    public DeviceBuffer<float> LogV { get; }
    public DeviceBuffer<int> Active { get; }
    public DeviceBuffer<float> RowSum { get; }
    public DeviceBuffer<float> RowCost { get; }
    public DeviceBuffer<float> ColumnSum { get; }
    public DeviceBuffer<double> ProblemCost { get; }
    public DeviceBuffer<double> ProblemRowError { get; }
    public DeviceBuffer<double> ProblemColumnError { get; }
    public DeviceBuffer<float> Response { get; }
    public DeviceBuffer<float> Reference { get; }
    public DeviceBuffer<float> ResponseNorm { get; }
    public DeviceBuffer<float> ReferenceNorm { get; }
    public DeviceBuffer<int> TileProblem { get; }
    public DeviceBuffer<int> TileRow { get; }
    public DeviceBuffer<int> TileColumn { get; }

    /// <summary>Total device bytes currently held.</summary>
    public long Bytes => _all.Sum(b => b switch
    {
        DeviceBuffer<float> f => f.Capacity * 4,
        DeviceBuffer<int> i => i.Capacity * 4,
        DeviceBuffer<long> l => l.Capacity * 8,
        DeviceBuffer<double> d => d.Capacity * 8,
        _ => 0,
    });

    /// <summary>
    /// Uploads the layout tables and returns the views of a batch; the cost and the masses are filled by the caller
    /// (uploaded, or computed on the device). Potentials are zeroed and every problem marked active.
    /// </summary>
    public SinkhornViews Prepare(BatchLayout layout, int warpSize, float negInvEpsilon, AcceleratorStream stream)
    {
        var (blockProblem, blockStart) = layout.ColumnBlocks(warpSize);
        var views = new SinkhornViews
        {
            Batch = new BatchViews
            {
                Rows = Rows.Upload(layout.Rows),
                Columns = Columns.Upload(layout.Columns),
                RowOffset = RowOffset.Upload(layout.RowOffset),
                ColumnOffset = ColumnOffset.Upload(layout.ColumnOffset),
                CostOffset = CostOffset.Upload(layout.CostOffset),
                RowProblem = RowProblem.Upload(layout.RowProblems()),
                BlockProblem = BlockProblem.Upload(blockProblem),
                BlockStart = BlockStart.Upload(blockStart),
                TotalRows = layout.TotalRows,
            },
            Cost = Cost.View(layout.TotalCost),
            RowMass = RowMass.View(layout.TotalRows),
            ColumnMass = ColumnMass.View(layout.TotalColumns),
            LogRowMass = LogRowMass.View(layout.TotalRows),
            LogColumnMass = LogColumnMass.View(layout.TotalColumns),
            LogU = LogU.View(layout.TotalRows),
            LogV = LogV.View(layout.TotalColumns),
            Active = Active.View(layout.Count),
            RowSum = RowSum.View(layout.TotalRows),
            RowCost = RowCost.View(layout.TotalRows),
            ColumnSum = ColumnSum.View(layout.TotalColumns),
            ProblemCost = ProblemCost.View(layout.Count),
            ProblemRowError = ProblemRowError.View(layout.Count),
            ProblemColumnError = ProblemColumnError.View(layout.Count),
            NegInvEpsilon = negInvEpsilon,
        };
        views.LogU.MemSetToZero(stream);
        views.LogV.MemSetToZero(stream);
        var ones = new int[layout.Count];
        Array.Fill(ones, 1);
        views.Active.CopyFromCPU(stream, ones);
        return views;
    }

    public void Dispose()
    {
        foreach (var b in _all) b.Dispose();
    }
}
