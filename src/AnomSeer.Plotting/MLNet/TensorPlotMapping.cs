using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.Plotting.MLNet;

/// <summary>
/// The stateless mapping that renders a row's series to a <c>[C, H, W]</c> float tensor with the options read from the
/// state column. Infrastructure; use <see cref="PlottingCatalog.RenderTimeSeriesPlot"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class TensorPlotMapping : CustomMappingFactory<PlotMappingInput, TensorPlotMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.Plotting.RenderTensor.v1";

    /// <summary>Renders one row.</summary>
    public static void Map(PlotMappingInput input, Output output)
    {
        var renderer = RendererCache.Get(input.State, out _, out var mode);
        output.Tensor = renderer.Render(input.Values).ToTensor(mode);
    }

    /// <inheritdoc />
    public override Action<PlotMappingInput, Output> GetMapping() => Map;

    /// <summary>The tensor column.</summary>
    public sealed class Output
    {
        /// <summary>The flattened <c>[C, H, W]</c> tensor.</summary>
        [ColumnName(PlotMappingColumns.Tensor)]
        public float[] Tensor { get; set; } = [];
    }
}
