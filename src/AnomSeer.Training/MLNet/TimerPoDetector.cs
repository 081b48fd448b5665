using AnomSeer.ExpCoT.MLNet;
using AnomSeer.MLNet;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// The transformer fitted by <see cref="TimerPoDetectorEstimator"/> (<c>mlContext.AnomalyDetection.Trainers.TimerPO</c>):
/// for every row it draws the series as the policy saw it in training, samples one response at the evaluation temperature
/// (0.4) with a fixed seed, and adds the reasoning (text), the intervals (<c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>)
/// and the class name (text). The same series always gets the same answer.
/// </summary>
/// <remarks>
/// <para>
/// Two ways to save, both restoring identical predictions:
/// <list type="bullet">
/// <item><see cref="Save"/> writes a folder (atomically) that is an AnomSeer-Tiny checkpoint (<c>config.json</c>,
/// <c>model.safetensors</c>, <c>tokenizer.json</c>, loadable alone with <c>TinyPolicyModel.Load</c>) plus
/// <c>detector.json</c> (column names and detection settings); <see cref="Load"/> reads it back as a
/// <see cref="TimerPoDetector"/>.</item>
/// <item><c>mlContext.Model.Save(detector, schema, path)</c> also works: the detector is a chain of ML.NET's own saveable
/// transforms whose state column carries the whole checkpoint, so the .zip is self-contained. Before
/// <c>mlContext.Model.Load</c>, call <c>mlContext.RegisterAnomSeerComponents(typeof(TimerPoDetector).Assembly)</c>; the
/// loaded model is an ordinary <see cref="ITransformer"/> (not a <see cref="TimerPoDetector"/>).</item>
/// </list>
/// </para>
/// <para>
/// Each thread that transforms rows decodes its own copy of the policy once (a policy is not thread-safe). Every row
/// carries the packed checkpoint through the pipeline (about 4/3 of the weights file, in doubles): negligible next to
/// generation for AnomSeer-Tiny, but a reason not to use this transformer for very large policies.
/// </para>
/// <para>
/// A detector of any other <see cref="IPolicyModel"/> (for example a Qwen2.5-VL policy) is bound to that policy instance:
/// build it with <see cref="FromPolicy(MLContext, IPolicyModel, TimerPoDetectorOptions?)"/> or fit the estimator with
/// <see cref="TimerPoDetectorOptions.PolicyFactory"/>. It answers rows with that instance (one row at a time, under a
/// lock) and cannot be saved: neither <see cref="Save"/> nor <c>mlContext.Model.Save</c> (both AnomSeer-Tiny only).
/// </para>
/// </remarks>
public sealed class TimerPoDetector : ITransformer
{
    private const string BoundSaveMessage =
        "This TimerPO detector is bound to a policy instance that is not AnomSeer-Tiny, and cannot be saved: save the policy with its own API and rebuild the detector with TimerPoDetector.FromPolicy.";

    private readonly DetectorPackage? _package;
    private readonly DetectorColumns _columns;
    private readonly ITransformer _chain;

    private TimerPoDetector(DetectorPackage package)
    {
        _package = package;
        _columns = package.Description.Columns;
        Settings = package.Description.Settings;
        _chain = BuildChain(_columns, package.ToState());
    }

    private TimerPoDetector(IPolicyModel policy, DetectorColumns columns, TimerPoDetectorSettings settings)
    {
        _package = null;
        _columns = columns;
        Settings = settings;
        var runtime = new DetectorRuntime(policy, settings, serialise: true);
        _chain = BuildBoundChain(columns, runtime);
    }

    internal static TimerPoDetector FromPolicy(TinyPolicyModel policy, DetectorColumns columns, TimerPoDetectorSettings settings) =>
        new(DetectorPackage.FromPolicy(policy, DetectorFile.Create(columns, settings)));

    internal static TimerPoDetector Bound(IPolicyModel policy, DetectorColumns columns, TimerPoDetectorSettings settings) =>
        new(policy, columns, settings);

    /// <summary>
    /// A detector that answers rows with <paramref name="policy"/> itself (any <see cref="IPolicyModel"/>, for example a
    /// Qwen2.5-VL policy): each row's series is drawn, one response is sampled with the evaluation settings of
    /// <paramref name="options"/> and the fixed <see cref="TimerPoDetectorOptions.Seed"/>, and parsed, exactly as a fitted
    /// detector does. The caller keeps ownership of the policy and must not dispose it while the detector is in use; rows
    /// are answered one at a time under a lock. The detector cannot be saved (see the remarks of
    /// <see cref="TimerPoDetector"/>).
    /// </summary>
    /// <param name="mlContext">The ML.NET context (the detector itself needs nothing from it).</param>
    /// <param name="policy">The policy that answers.</param>
    /// <param name="options">Column names, <see cref="TimerPoDetectorOptions.PlotOptions"/> (null: the default plot, or an
    /// AnomSeer-Tiny policy's image size), sampling (<see cref="TimerPoDetectorOptions.TimerPo"/>'s evaluation temperature,
    /// top-p and maximum response tokens) and <see cref="TimerPoDetectorOptions.Seed"/>; null for the defaults. The
    /// training settings are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mlContext"/> or <paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static TimerPoDetector FromPolicy(MLContext mlContext, IPolicyModel policy, TimerPoDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new TimerPoDetectorOptions();
        options.Validate();
        return Bound(policy, DetectorColumns.From(options), BoundSettings(policy, options));
    }

    /// <summary>Detection settings of a bound detector: the plot of the options (or the default one, or a Tiny policy's
    /// image size), RGB unless a Tiny policy reads grayscale, the evaluation sampling.</summary>
    internal static TimerPoDetectorSettings BoundSettings(IPolicyModel policy, TimerPoDetectorOptions o)
    {
        var tiny = (policy as TinyPolicyModel)?.Config;
        var plot = o.PlotOptions ?? (tiny is null ? new PlotOptions() : new PlotOptions { Width = tiny.ImageWidth, Height = tiny.ImageHeight });
        var mode = tiny is { ImageChannels: 1 } ? TensorColorMode.Grayscale : TensorColorMode.Rgb;
        var settings = new TimerPoDetectorSettings(o.TimerPo.EvaluationTemperature, o.TimerPo.TopP, o.TimerPo.MaxResponseTokens,
            o.Seed, plot, mode);
        settings.Validate();
        return settings;
    }

    /// <summary>The packed settings and checkpoint files (AnomSeer-Tiny detectors only).</summary>
    internal DetectorPackage Package => _package ?? throw new NotSupportedException(BoundSaveMessage);

    /// <summary>Whether the detector is bound to a policy instance (not AnomSeer-Tiny, or built with
    /// <see cref="FromPolicy(MLContext, IPolicyModel, TimerPoDetectorOptions?)"/>) and so cannot be saved.</summary>
    public bool IsBoundToPolicyInstance => _package is null;

    /// <summary>The series column read (vector of Single or Double).</summary>
    public string SeriesColumnName => _columns.Series;

    /// <summary>The reasoning column written (text).</summary>
    public string ReasoningColumnName => _columns.Reasoning;

    /// <summary>The intervals column written (<c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>).</summary>
    public string IntervalsColumnName => _columns.Intervals;

    /// <summary>The class column written (text).</summary>
    public string PredictedClassColumnName => _columns.PredictedClass;

    /// <summary>The raw-response column written, or null when none is.</summary>
    public string? ResponseColumnName => _columns.Response;

    /// <summary>How rows are drawn and sampled.</summary>
    public TimerPoDetectorSettings Settings { get; }

    /// <summary>Always true: each output row depends only on its input row.</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>
    /// Loads a detector saved with <see cref="Save"/>. The documented way back from a detector folder.
    /// </summary>
    /// <param name="mlContext">The ML.NET context (the detector itself needs nothing from it).</param>
    /// <param name="folder">The folder <see cref="Save"/> wrote.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mlContext"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or blank.</exception>
    /// <exception cref="PolicyCheckpointException">The folder or one of its files is missing, corrupt or inconsistent; the
    /// message names it.</exception>
    public static TimerPoDetector Load(MLContext mlContext, string folder)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return new TimerPoDetector(DetectorPackage.ReadFolder(folder));
    }

    /// <summary>
    /// Saves the detector to <paramref name="folder"/>, replacing it atomically: the policy checkpoint
    /// (<c>config.json</c>, <c>model.safetensors</c>, <c>tokenizer.json</c>) and <c>detector.json</c>. Load it with
    /// <see cref="Load"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or blank.</exception>
    /// <exception cref="NotSupportedException">The detector is bound to a policy instance
    /// (<see cref="IsBoundToPolicyInstance"/>): save the policy with its own API and rebuild the detector with
    /// <see cref="FromPolicy(MLContext, IPolicyModel, TimerPoDetectorOptions?)"/>.</exception>
    public void Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Package.WriteFolder(folder);
    }

    /// <summary>A new policy with the detector's weights, for the plain C# API (for example <c>PolicyEvaluator</c>); the
    /// caller owns and disposes it.</summary>
    /// <exception cref="NotSupportedException">The detector is bound to a policy instance (<see cref="IsBoundToPolicyInstance"/>).</exception>
    public TinyPolicyModel CreatePolicy() => Package.CreatePolicy();

    /// <summary>The schema after the transform: the input columns plus the output columns.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The series column is missing or not a vector of Single or Double.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema, nameof(inputSchema));
        return _chain.GetOutputSchema(inputSchema);
    }

    /// <summary>Adds the output columns (lazily: a row is answered when it is read).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">The series column is missing or not a vector of Single or Double.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input.Schema, nameof(input));
        return _chain.Transform(input);
    }

    /// <summary>The row-to-row mapper (used by prediction engines).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">The series column is missing or not a vector of Single or Double.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        CheckInput(inputSchema, nameof(inputSchema));
        return _chain.GetRowToRowMapper(inputSchema);
    }

    /// <summary>Writes the detector into an ML.NET model (<c>mlContext.Model.Save</c>) as its chain of built-in transforms
    /// (AnomSeer-Tiny detectors only; a bound detector throws <see cref="NotSupportedException"/>).</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        if (_package is null) throw new NotSupportedException(BoundSaveMessage);
        _chain.Save(ctx);
    }

    private void CheckInput(DataViewSchema schema, string paramName)
    {
        ArgumentNullException.ThrowIfNull(schema, paramName);
        SchemaChecks.Check(schema, SeriesColumnName, SchemaChecks.Expect.NumericVector, paramName);
    }

    /// <summary>The chain of built-in transforms (see the remarks), fitted on an empty view with only the series column.</summary>
    private static ITransformer BuildChain(DetectorColumns columns, double[] state)
    {
        var ml = new MLContext(seed: 0);
        var definition = SchemaDefinition.Create(typeof(SeriesRow));
        definition[0].ColumnName = columns.Series;
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<SeriesRow>(), definition);
        return Estimator(ml, columns, state).Fit(empty);
    }

    /// <summary>The estimator chain of the detector; also used (with a placeholder state) for schema propagation.</summary>
    internal static IEstimator<ITransformer> Estimator(MLContext ml, DetectorColumns columns, double[] state)
    {
        var t = ml.Transforms;
        var drop = new List<string> { DetectorMappingColumns.Series, DetectorMappingColumns.State, DetectorMappingColumns.Reasoning,
            DetectorMappingColumns.Intervals, DetectorMappingColumns.Class, DetectorMappingColumns.Response };
        IEstimator<ITransformer> chain = t.Conversion.ConvertType(DetectorMappingColumns.Series, columns.Series, DataKind.Double)
            .Append(ml.AppendStateColumn(DetectorMappingColumns.State, state))
            .Append(t.CustomMapping<TimerPoDetectionMapping.Input, TimerPoDetectionMapping.Output>(TimerPoDetectionMapping.Map, TimerPoDetectionMapping.ContractName))
            .Append(t.CopyColumns(columns.Reasoning, DetectorMappingColumns.Reasoning))
            .Append(t.CopyColumns(columns.Intervals, DetectorMappingColumns.Intervals))
            .Append(t.CopyColumns(columns.PredictedClass, DetectorMappingColumns.Class));
        if (columns.Response is not null)
            chain = chain.Append(t.CopyColumns(columns.Response, DetectorMappingColumns.Response));
        return chain.Append(t.DropColumns(drop.ToArray()));
    }

    /// <summary>The chain of a bound detector: the same columns, answered by <paramref name="runtime"/> (not saveable).</summary>
    private static ITransformer BuildBoundChain(DetectorColumns columns, DetectorRuntime runtime)
    {
        var ml = new MLContext(seed: 0);
        var definition = SchemaDefinition.Create(typeof(SeriesRow));
        definition[0].ColumnName = columns.Series;
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<SeriesRow>(), definition);
        void Map(BoundInput input, TimerPoDetectionMapping.Output output)
        {
            var (response, answer) = runtime.Detect(input.Series);
            output.Reasoning = answer.Reasoning ?? "";
            output.Intervals = answer.Intervals is null ? [] : IntervalEncoding.Flatten(answer.Intervals);
            output.Class = answer.Class?.ToCanonicalName() ?? "";
            output.Response = response;
        }
        var t = ml.Transforms;
        var drop = new List<string> { DetectorMappingColumns.Series, DetectorMappingColumns.Reasoning,
            DetectorMappingColumns.Intervals, DetectorMappingColumns.Class, DetectorMappingColumns.Response };
        IEstimator<ITransformer> chain = t.Conversion.ConvertType(DetectorMappingColumns.Series, columns.Series, DataKind.Double)
            .Append(t.CustomMapping<BoundInput, TimerPoDetectionMapping.Output>(Map, contractName: null))
            .Append(t.CopyColumns(columns.Reasoning, DetectorMappingColumns.Reasoning))
            .Append(t.CopyColumns(columns.Intervals, DetectorMappingColumns.Intervals))
            .Append(t.CopyColumns(columns.PredictedClass, DetectorMappingColumns.Class));
        if (columns.Response is not null)
            chain = chain.Append(t.CopyColumns(columns.Response, DetectorMappingColumns.Response));
        return chain.Append(t.DropColumns(drop.ToArray())).Fit(empty);
    }

    private sealed class BoundInput
    {
        [ColumnName(DetectorMappingColumns.Series)]
        public double[] Series { get; set; } = [];
    }

    private sealed class SeriesRow
    {
        [VectorType]
        public double[] Series { get; set; } = [];
    }
}
