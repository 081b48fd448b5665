using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>
/// ML.NET estimator computing the TimerPO advantages (spec b.9 steps 4–6) with one row per prompt group: the
/// group's rewards, its responses' hidden states (concatenated, with one token count per response) and the
/// reference (ExpCoT) hidden states → per-response advantages, transport costs W and similarities s.
/// A thin adapter over <see cref="TimerPoAdvantage.Compute"/>; create it with
/// <see cref="TimerPoAdvantageCatalog.ComputeTimerPoAdvantages"/>.
/// </summary>
/// <remarks>
/// One row per group because ML.NET transforms see one row at a time and the advantage needs the whole
/// group. The fitted transformer is a chain of ML.NET's own saveable transforms (the settings travel as a
/// <c>MapValue</c> state vector), so it survives <c>mlContext.Model.Save</c>/<c>Load</c>; before loading, call
/// <c>mlContext.RegisterAnomSeerComponents(typeof(TimerPoAdvantageCatalog).Assembly)</c>.
/// </remarks>
public sealed class TimerPoAdvantageEstimator : IEstimator<ITransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly double[] _state;

    internal TimerPoAdvantageEstimator(TransformsCatalog catalog, int hiddenDimension, TimerPoAdvantageColumnNames columns, TimerPoAdvantageOptions options)
    {
        _catalog = catalog;
        HiddenDimension = hiddenDimension;
        Columns = columns;
        Options = options;
        _state = TimerPoOptionsState.Encode(hiddenDimension, options);
    }

    /// <summary>Features per token of every hidden-state column.</summary>
    public int HiddenDimension { get; }

    /// <summary>The input and output column names.</summary>
    public TimerPoAdvantageColumnNames Columns { get; }

    /// <summary>The advantage settings.</summary>
    public TimerPoAdvantageOptions Options { get; }

    /// <summary>Checks the input schema and returns the transformer (nothing is learned from the data).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or not a numeric vector; the message names it.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var name in InputNames())
        {
            var col = input.Schema.GetColumnOrNull(name)
                ?? throw new ArgumentException($"Input column '{name}' not found.", nameof(input));
            Check(name, col.Type is VectorDataViewType v ? v.ItemType : null, col.Type.ToString() ?? "?", nameof(input));
        }
        return Chain().Fit(input);
    }

    /// <summary>The schema after the transform: the input columns plus the three output vector columns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or not a numeric vector; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        foreach (var name in InputNames())
        {
            var found = inputSchema.Where(c => c.Name == name).ToList();
            if (found.Count == 0)
                throw new ArgumentException($"Input column '{name}' not found.", nameof(inputSchema));
            var col = found[^1];
            bool isVector = col.Kind is SchemaShape.Column.VectorKind.Vector or SchemaShape.Column.VectorKind.VariableVector;
            Check(name, isVector ? col.ItemType : null, $"{col.Kind} of {col.ItemType}", nameof(inputSchema));
        }
        return Chain().GetOutputSchema(inputSchema);
    }

    private string[] InputNames() => [Columns.Rewards, Columns.ResponseHidden, Columns.ResponseTokenCounts, Columns.ReferenceHidden];

    private static void Check(string name, DataViewType? itemType, string actual, string paramName)
    {
        if (itemType is not NumberDataViewType)
            throw new ArgumentException($"Input column '{name}' must be a vector of numbers, but is {actual}.", paramName);
    }

    private IEstimator<ITransformer> Chain()
    {
        var t = _catalog;
        var c = Columns;
        IEstimator<ITransformer> chain = t.Conversion.ConvertType(
        [
            new InputOutputColumnPair(TimerPoMappingColumns.Rewards, c.Rewards),
            new InputOutputColumnPair(TimerPoMappingColumns.ResponseTokenCounts, c.ResponseTokenCounts),
        ], DataKind.Double)
            .Append(t.Conversion.ConvertType(
            [
                new InputOutputColumnPair(TimerPoMappingColumns.ResponseHidden, c.ResponseHidden),
                new InputOutputColumnPair(TimerPoMappingColumns.ReferenceHidden, c.ReferenceHidden),
            ], DataKind.Single));
        // FittedState needs an MLContext; the fitted state transforms do not depend on it, so a private one builds them.
        chain = chain.Append(new MLContext(seed: 0).AppendStateColumn(TimerPoMappingColumns.State, _state))
            .Append(t.CustomMapping<TimerPoMappingInput, TimerPoAdvantageMapping.Output>(TimerPoAdvantageMapping.Map, TimerPoAdvantageMapping.ContractName))
            .Append(t.CopyColumns(c.Advantages, TimerPoMappingColumns.Advantages))
            .Append(t.CopyColumns(c.TransportCosts, TimerPoMappingColumns.TransportCosts))
            .Append(t.CopyColumns(c.Similarities, TimerPoMappingColumns.Similarities))
            .Append(t.DropColumns(
                TimerPoMappingColumns.Rewards, TimerPoMappingColumns.ResponseTokenCounts, TimerPoMappingColumns.ResponseHidden,
                TimerPoMappingColumns.ReferenceHidden, TimerPoMappingColumns.State, TimerPoMappingColumns.Advantages,
                TimerPoMappingColumns.TransportCosts, TimerPoMappingColumns.Similarities));
        return chain;
    }
}
