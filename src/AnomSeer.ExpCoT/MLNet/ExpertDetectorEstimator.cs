using AnomSeer.ExpCoT.Detection;
using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// ML.NET estimator that runs the <see cref="ExpertDetector"/> on every row's series and writes the three parts of an
/// AnomSeer answer: reasoning (text), intervals (<c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>) and class (text).
/// Create it with <see cref="ExpCotCatalog.DetectAnomaliesWithExpert"/>.
/// </summary>
/// <remarks>
/// Survives <c>mlContext.Model.Save</c>/<c>Load</c> (options travel as a state vector); before loading, call
/// <c>mlContext.RegisterAnomSeerComponents(typeof(ExpCotCatalog).Assembly)</c>.
/// </remarks>
public sealed class ExpertDetectorEstimator : IEstimator<ITransformer>
{
    private readonly double[] _state;

    internal ExpertDetectorEstimator(string seriesColumnName, string reasoningColumnName, string intervalsColumnName,
        string classColumnName, ExpertDetectorOptions options)
    {
        SeriesColumnName = seriesColumnName;
        ReasoningColumnName = reasoningColumnName;
        IntervalsColumnName = intervalsColumnName;
        ClassColumnName = classColumnName;
        Options = options.Clone();
        _state = OptionsState.Encode(options);
    }

    /// <summary>The series column (vector of Single or Double).</summary>
    public string SeriesColumnName { get; }

    /// <summary>The reasoning column written.</summary>
    public string ReasoningColumnName { get; }

    /// <summary>The intervals column written.</summary>
    public string IntervalsColumnName { get; }

    /// <summary>The class column written.</summary>
    public string ClassColumnName { get; }

    /// <summary>A copy of the options.</summary>
    public ExpertDetectorOptions Options { get; }

    /// <summary>Checks the input schema and returns the transformer (nothing is learned).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The series column is missing or of the wrong type; the message names it.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SchemaChecks.Check(input.Schema, SeriesColumnName, SchemaChecks.Expect.NumericVector, nameof(input));
        return Chain().Fit(input);
    }

    /// <summary>The schema after the transform.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The series column is missing or of the wrong type; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaChecks.Check(inputSchema, SeriesColumnName, SchemaChecks.Expect.NumericVector, nameof(inputSchema));
        return Chain().GetOutputSchema(inputSchema);
    }

    private IEstimator<ITransformer> Chain()
    {
        var ml = new MLContext(seed: 0);
        var t = ml.Transforms;
        return t.Conversion.ConvertType(MappingColumns.Series, SeriesColumnName, DataKind.Double)
            .Append(ml.AppendStateColumn(MappingColumns.DetectorState, _state))
            .Append(t.CustomMapping<ExpertDetectionMapping.Input, ExpertDetectionMapping.Output>(ExpertDetectionMapping.Map, ExpertDetectionMapping.ContractName))
            .Append(t.CopyColumns(ReasoningColumnName, MappingColumns.Reasoning))
            .Append(t.CopyColumns(IntervalsColumnName, MappingColumns.DetectedIntervals))
            .Append(t.CopyColumns(ClassColumnName, MappingColumns.DetectedClass))
            .Append(t.DropColumns(MappingColumns.Series, MappingColumns.DetectorState, MappingColumns.Reasoning,
                MappingColumns.DetectedIntervals, MappingColumns.DetectedClass));
    }
}
