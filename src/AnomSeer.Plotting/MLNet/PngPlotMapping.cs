using System.ComponentModel;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace AnomSeer.Plotting.MLNet;

/// <summary>
/// The stateless mapping that renders a row's series to PNG bytes with the options read from the state column; found
/// again by its contract name when a saved model is loaded. Infrastructure; use <see cref="PlottingCatalog.RenderTimeSeriesPlot"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[CustomMappingFactoryAttribute(ContractName)]
public sealed class PngPlotMapping : CustomMappingFactory<PlotMappingInput, PngPlotMapping.Output>
{
    /// <summary>The contract name stored in saved models.</summary>
    public const string ContractName = "AnomSeer.Plotting.RenderPng.v1";

    /// <summary>Renders one row.</summary>
    public static void Map(PlotMappingInput input, Output output)
    {
        var renderer = RendererCache.Get(input.State, out _, out _);
        output.Png = renderer.RenderPng(input.Values);
    }

    /// <inheritdoc />
    public override Action<PlotMappingInput, Output> GetMapping() => Map;

    /// <summary>The PNG column.</summary>
    public sealed class Output
    {
        /// <summary>The PNG file bytes.</summary>
        [ColumnName(PlotMappingColumns.Png)]
        public byte[] Png { get; set; } = [];
    }
}
