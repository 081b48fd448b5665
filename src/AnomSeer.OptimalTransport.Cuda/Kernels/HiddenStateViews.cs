using ILGPU;

namespace AnomSeer.OptimalTransport.Cuda.Kernels;

/// <summary>The device buffers of the fused hidden-state path, next to a <see cref="SinkhornViews"/>.</summary>
internal struct HiddenStateViews
{
    /// <summary>Response tokens (the rows), row-major, <c>Dimension</c> floats each, all problems end to end.</summary>
    public ArrayView<float> Response;

    /// <summary>Reference (ExpCoT) tokens (the columns), row-major, all problems end to end.</summary>
    public ArrayView<float> Reference;

    /// <summary>‖h‖ of every response token.</summary>
    public ArrayView<float> ResponseNorm;

    /// <summary>‖h‖ of every reference token.</summary>
    public ArrayView<float> ReferenceNorm;

    /// <summary>Per cost tile: its problem.</summary>
    public ArrayView<int> TileProblem;

    /// <summary>Per cost tile: its first row within the problem.</summary>
    public ArrayView<int> TileRow;

    /// <summary>Per cost tile: its first column within the problem.</summary>
    public ArrayView<int> TileColumn;

    /// <summary>Features per token.</summary>
    public int Dimension;

    /// <summary>Threads along one side of the square group of the cost kernel (group = side²).</summary>
    public int TileSide;
}
