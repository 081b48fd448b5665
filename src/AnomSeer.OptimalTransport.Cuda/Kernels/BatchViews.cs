using ILGPU;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>
/// The device-side description of a batch of problems of different sizes, laid end to end: problem p owns
/// rows <c>[RowOffset[p], RowOffset[p] + Rows[p])</c> of every row vector, columns
/// <c>[ColumnOffset[p], ColumnOffset[p] + Columns[p])</c> of every column vector, and the row-major cost block
/// starting at <c>CostOffset[p]</c>. No padding: offsets replace masks.
/// </summary>
internal struct BatchViews
{
    /// <summary>Rows per problem.</summary>
    public ArrayView<int> Rows;

    /// <summary>Columns per problem.</summary>
    public ArrayView<int> Columns;

    /// <summary>First global row of each problem.</summary>
    public ArrayView<int> RowOffset;

    /// <summary>First global column of each problem.</summary>
    public ArrayView<int> ColumnOffset;

    /// <summary>First cost entry of each problem.</summary>
    public ArrayView<long> CostOffset;

    /// <summary>The problem of each global row.</summary>
    public ArrayView<int> RowProblem;

    /// <summary>The problem of each column block (a block is one warp's width of columns).</summary>
    public ArrayView<int> BlockProblem;

    /// <summary>The first column (within its problem) of each column block.</summary>
    public ArrayView<int> BlockStart;

    /// <summary>Total number of rows over the batch.</summary>
    public int TotalRows;
}
