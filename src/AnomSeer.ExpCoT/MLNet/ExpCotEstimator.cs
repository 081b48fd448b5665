using AnomSeer.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// ML.NET estimator that writes the ExpCoT of every row (series, ground-truth intervals, class and task in; ExpCoT text,
/// the chosen expert's class and its intervals out). A thin adapter over <see cref="ExpCotGenerator"/>; create it with
/// <see cref="ExpCotCatalog.GenerateExpCot"/>.
/// </summary>
/// <remarks>
/// The fitted transformer is a chain of ML.NET's own saveable transforms (the options travel as a state vector), so it
/// survives <c>mlContext.Model.Save</c>/<c>Load</c>. Before loading, call
/// <c>mlContext.RegisterAnomSeerComponents(typeof(ExpCotCatalog).Assembly)</c>.
/// </remarks>
public sealed class ExpCotEstimator : IEstimator<ITransformer>
{
    private readonly double[] _state;

    internal ExpCotEstimator(string outputColumnName, string expertClassColumnName, string expertIntervalsColumnName,
        string seriesColumnName, string groundTruthColumnName, string classColumnName, string taskColumnName, ExpCotOptions options)
    {
        OutputColumnName = outputColumnName;
        ExpertClassColumnName = expertClassColumnName;
        ExpertIntervalsColumnName = expertIntervalsColumnName;
        SeriesColumnName = seriesColumnName;
        GroundTruthColumnName = groundTruthColumnName;
        ClassColumnName = classColumnName;
        TaskColumnName = taskColumnName;
        Options = options.Clone();
        _state = OptionsState.Encode(options);
    }

    /// <summary>The text column written.</summary>
    public string OutputColumnName { get; }

    /// <summary>The column receiving the chosen expert's class name.</summary>
    public string ExpertClassColumnName { get; }

    /// <summary>The column receiving the expert's intervals as <c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>.</summary>
    public string ExpertIntervalsColumnName { get; }

    /// <summary>The series column (vector of Single or Double).</summary>
    public string SeriesColumnName { get; }

    /// <summary>The ground-truth column (numeric vector <c>[s0, e0, s1, e1, …]</c>).</summary>
    public string GroundTruthColumnName { get; }

    /// <summary>The ground-truth class column (text, e.g. "global point").</summary>
    public string ClassColumnName { get; }

    /// <summary>The task column (text, e.g. "noisy-freq").</summary>
    public string TaskColumnName { get; }

    /// <summary>A copy of the options.</summary>
    public ExpCotOptions Options { get; }

    /// <summary>Checks the input schema and returns the transformer (nothing is learned).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or of the wrong type; the message names it.</exception>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SchemaChecks.Check(input.Schema, SeriesColumnName, SchemaChecks.Expect.NumericVector, nameof(input));
        SchemaChecks.Check(input.Schema, GroundTruthColumnName, SchemaChecks.Expect.IntervalVector, nameof(input));
        SchemaChecks.Check(input.Schema, ClassColumnName, SchemaChecks.Expect.Text, nameof(input));
        SchemaChecks.Check(input.Schema, TaskColumnName, SchemaChecks.Expect.Text, nameof(input));
        return Chain().Fit(input);
    }

    /// <summary>The schema after the transform: the input columns plus the three output columns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or of the wrong type; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SchemaChecks.Check(inputSchema, SeriesColumnName, SchemaChecks.Expect.NumericVector, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, GroundTruthColumnName, SchemaChecks.Expect.IntervalVector, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, ClassColumnName, SchemaChecks.Expect.Text, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, TaskColumnName, SchemaChecks.Expect.Text, nameof(inputSchema));
        return Chain().GetOutputSchema(inputSchema);
    }

    private IEstimator<ITransformer> Chain()
    {
        // The state transforms and the mappings are environment-independent once fitted; a private context builds them.
        var ml = new MLContext(seed: 0);
        var t = ml.Transforms;
        return t.Conversion.ConvertType(MappingColumns.Series, SeriesColumnName, DataKind.Double)
            .Append(t.Conversion.ConvertType(MappingColumns.GroundTruth, GroundTruthColumnName, DataKind.Double))
            .Append(t.CopyColumns(MappingColumns.Class, ClassColumnName))
            .Append(t.CopyColumns(MappingColumns.Task, TaskColumnName))
            .Append(ml.AppendStateColumn(MappingColumns.State, _state))
            .Append(t.CustomMapping<ExpCotMapping.Input, ExpCotMapping.Output>(ExpCotMapping.Map, ExpCotMapping.ContractName))
            .Append(t.CopyColumns(OutputColumnName, MappingColumns.Text))
            .Append(t.CopyColumns(ExpertClassColumnName, MappingColumns.Expert))
            .Append(t.CopyColumns(ExpertIntervalsColumnName, MappingColumns.Intervals))
            .Append(t.DropColumns(MappingColumns.Series, MappingColumns.GroundTruth, MappingColumns.Class, MappingColumns.Task,
                MappingColumns.State, MappingColumns.Text, MappingColumns.Expert, MappingColumns.Intervals));
    }
}
