using AnomSeer.OptimalTransport.Cuda.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>The solver's kernels, compiled once per accelerator (PTX on CUDA, IL on the CPU accelerator).</summary>
internal sealed class KernelSet
{
    public KernelSet(Accelerator accelerator)
    {
        RowHalfStep = accelerator.LoadStreamKernel<SinkhornViews>(SinkhornKernels.RowHalfStep);
        ColumnHalfStep = accelerator.LoadStreamKernel<SinkhornViews>(SinkhornKernels.ColumnHalfStep);
        RowSums = accelerator.LoadStreamKernel<SinkhornViews>(FinishKernels.RowSums);
        ColumnSums = accelerator.LoadStreamKernel<SinkhornViews>(FinishKernels.ColumnSums);
        ProblemSums = accelerator.LoadStreamKernel<SinkhornViews, int>(FinishKernels.ProblemSums);
        Norms = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<float>, int, int>(TokenKernels.Norms);
        Masses = accelerator.LoadStreamKernel<ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int>(TokenKernels.Masses);
        CosineCost = accelerator.LoadStreamKernel<SinkhornViews, HiddenStateViews>(CosineCostKernel.Compute);
    }

    public Action<KernelConfig, SinkhornViews> RowHalfStep { get; }
    public Action<KernelConfig, SinkhornViews> ColumnHalfStep { get; }
    public Action<KernelConfig, SinkhornViews> RowSums { get; }
    public Action<KernelConfig, SinkhornViews> ColumnSums { get; }
    public Action<KernelConfig, SinkhornViews, int> ProblemSums { get; }
    public Action<KernelConfig, ArrayView<float>, ArrayView<float>, int, int> Norms { get; }
    public Action<KernelConfig, ArrayView<float>, ArrayView<int>, ArrayView<int>, ArrayView<float>, ArrayView<float>, int> Masses { get; }
    public Action<KernelConfig, SinkhornViews, HiddenStateViews> CosineCost { get; }
}
