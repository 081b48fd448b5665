using Microsoft.ML;
using Microsoft.ML.Transforms;

namespace AnomSeer.MLNet;

/// <summary>
/// Carries fitted state (options, thresholds, small learned vectors) through an ML.NET pipeline so that
/// it survives <c>mlContext.Model.Save</c> / <c>Load</c>.
/// </summary>
/// <remarks>
/// Third-party transformers cannot write into ML.NET's model files through public API, so the state is
/// kept in built-in saveable transforms: a <see cref="CustomMappingCatalog"/> mapping emits a constant key,
/// <c>Conversion.MapValue</c> maps that key to the state vector (this is where the numbers are stored),
/// and the key column is dropped. Chain the result before a <c>CustomMapping</c> whose factory reads the
/// state column, then drop the state column. Before loading a saved model, register the assemblies that
/// hold the factories with <see cref="RegisterAnomSeerComponents"/>.
/// </remarks>
public static class FittedState
{
    /// <summary>
    /// An estimator that appends a column <paramref name="stateColumnName"/> of type
    /// <c>Vector&lt;double&gt;</c> (fixed length <c>state.Length</c>) holding <paramref name="state"/> on every row.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="stateColumnName">Name of the new column; must not exist in the input.</param>
    /// <param name="state">The values to carry; at least one; copied.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stateColumnName"/> is blank or <paramref name="state"/> is empty.</exception>
    public static IEstimator<ITransformer> AppendStateColumn(this MLContext mlContext, string stateColumnName, double[] state)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateColumnName);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length == 0)
            throw new ArgumentException("The state must hold at least one value.", nameof(state));

        if (stateColumnName == ConstantKeyMapping.KeyColumn)
            throw new ArgumentException($"'{ConstantKeyMapping.KeyColumn}' is reserved.", nameof(stateColumnName));

        var pairs = new[] { new KeyValuePair<string, double[]>(ConstantKeyMapping.Key, (double[])state.Clone()) };
        return mlContext.Transforms.CustomMapping<ConstantKeyMapping.Input, ConstantKeyMapping.Output>(ConstantKeyMapping.Action, ConstantKeyMapping.ContractName)
            .Append(mlContext.Transforms.Conversion.MapValue(stateColumnName, pairs, ConstantKeyMapping.KeyColumn))
            .Append(mlContext.Transforms.DropColumns(ConstantKeyMapping.KeyColumn));
    }

    /// <summary>
    /// Registers AnomSeer's own mapping factories and those in <paramref name="assemblies"/> with the
    /// context's component catalog, as <c>mlContext.Model.Load</c> needs for custom mappings.
    /// </summary>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <param name="assemblies">Further assemblies holding <c>CustomMappingFactoryAttribute</c> factories.</param>
    public static MLContext RegisterAnomSeerComponents(this MLContext mlContext, params System.Reflection.Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(assemblies);
        mlContext.ComponentCatalog.RegisterAssembly(typeof(FittedState).Assembly);
        foreach (var a in assemblies)
            mlContext.ComponentCatalog.RegisterAssembly(a ?? throw new ArgumentNullException(nameof(assemblies), "An assembly is null."));
        return mlContext;
    }
}
