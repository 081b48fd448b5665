using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Plotting.MLNet;

/// <summary>
/// ML.NET estimator that renders each row's series (a vector column of <see cref="float"/> or <see cref="double"/>) to a plot:
/// PNG bytes (<c>VBuffer&lt;byte&gt;</c>) or a <c>[C, H, W]</c> float tensor (<c>VBuffer&lt;float&gt;</c>). A thin adapter over
/// <see cref="TimeSeriesPlotRenderer"/>; create it with <see cref="PlottingCatalog.RenderTimeSeriesPlot"/>.
/// </summary>
/// <remarks>
/// The fitted transformer is a chain of ML.NET's own saveable transforms (the options travel as a <c>MapValue</c> state
/// vector), so it survives <c>mlContext.Model.Save</c>/<c>Load</c>. Before loading, call
/// <c>mlContext.RegisterAnomSeerComponents(typeof(PlottingCatalog).Assembly)</c>.
/// </remarks>
public sealed class TimeSeriesPlotEstimator : IEstimator<ITransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly double[] _state;

    internal TimeSeriesPlotEstimator(TransformsCatalog catalog, string outputColumnName, string inputColumnName,
        PlotOptions options, PlotOutputKind outputKind, TensorColorMode tensorColorMode)
    {
        _catalog = catalog;
        OutputColumnName = outputColumnName;
        InputColumnName = inputColumnName;
        Options = options;
        OutputKind = outputKind;
        TensorColorMode = tensorColorMode;
        _state = PlotOptionsState.Encode(options, outputKind, tensorColorMode);
    }

    /// <summary>The column the plot is written to.</summary>
    public string OutputColumnName { get; }

    /// <summary>The vector column holding each row's series.</summary>
    public string InputColumnName { get; }

    /// <summary>The drawing options.</summary>
    public PlotOptions Options { get; }

    /// <summary>PNG bytes or float tensor.</summary>
    public PlotOutputKind OutputKind { get; }

    /// <summary>The tensor channels when <see cref="OutputKind"/> is <see cref="PlotOutputKind.Tensor"/>.</summary>
    public TensorColorMode TensorColorMode { get; }

    /// <summary>Checks the input schema and returns the transformer (nothing is learned from the data).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The input column is missing or not a vector of float or double; the message names it.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var col = input.Schema.GetColumnOrNull(InputColumnName)
            ?? throw new ArgumentException($"Input column '{InputColumnName}' not found.", nameof(input));
        CheckType(col.Type is VectorDataViewType v ? v.ItemType : null, col.Type.ToString() ?? "?", nameof(input));
        return Chain().Fit(input);
    }

    /// <summary>The schema after the transform: the input columns plus <see cref="OutputColumnName"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The input column is missing or not a vector of float or double; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var found = inputSchema.Where(c => c.Name == InputColumnName).ToList();
        if (found.Count == 0)
            throw new ArgumentException($"Input column '{InputColumnName}' not found.", nameof(inputSchema));
        var col = found[^1];
        bool isVector = col.Kind is SchemaShape.Column.VectorKind.Vector or SchemaShape.Column.VectorKind.VariableVector;
        CheckType(isVector ? col.ItemType : null, $"{col.Kind} of {col.ItemType}", nameof(inputSchema));
        return Chain().GetOutputSchema(inputSchema);
    }

    private void CheckType(DataViewType? itemType, string actual, string paramName)
    {
        if (itemType != NumberDataViewType.Single && itemType != NumberDataViewType.Double)
            throw new ArgumentException($"Input column '{InputColumnName}' must be a vector of Single or Double, but is {actual}.", paramName);
    }

    private IEstimator<ITransformer> Chain()
    {
        var t = _catalog;
        var convert = t.Conversion.ConvertType(PlotMappingColumns.Values, InputColumnName, DataKind.Double);
        // FittedState needs an MLContext; the catalog does not expose its own, and the state transforms are
        // environment-independent once fitted, so a private context builds them.
        var state = new MLContext(seed: 0).AppendStateColumn(PlotMappingColumns.State, _state);
        IEstimator<ITransformer> chain = convert.Append(state);
        string produced;
        if (OutputKind == PlotOutputKind.Png)
        {
            chain = chain.Append(t.CustomMapping<PlotMappingInput, PngPlotMapping.Output>(PngPlotMapping.Map, PngPlotMapping.ContractName));
            produced = PlotMappingColumns.Png;
        }
        else
        {
            chain = chain.Append(t.CustomMapping<PlotMappingInput, TensorPlotMapping.Output>(TensorPlotMapping.Map, TensorPlotMapping.ContractName));
            produced = PlotMappingColumns.Tensor;
        }
        return chain
            .Append(t.CopyColumns(OutputColumnName, produced))
            .Append(t.DropColumns(PlotMappingColumns.Values, PlotMappingColumns.State, produced));
    }
}
