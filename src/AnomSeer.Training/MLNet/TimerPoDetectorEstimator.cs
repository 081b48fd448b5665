using AnomSeer.MLNet;
using AnomSeer.ExpCoT;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// ML.NET estimator that trains a policy (AnomSeer-Tiny, or any IPolicyModel given by <see cref="TimerPoDetectorOptions.PolicyFactory"/>) with TimerPO on an <see cref="IDataView"/> of (series,
/// ground-truth intervals, class, task) rows and returns a <see cref="TimerPoDetector"/>. A thin adapter over the plain
/// API: the rows become <see cref="TimerPoExample"/>s through <see cref="TimerPoExampleFactory"/>, an optional warm-up runs
/// <see cref="SftTrainer"/>, then <see cref="TimerPoTrainer"/> runs. Create it with
/// <see cref="TimerPoDetectorCatalog.TimerPO"/>.
/// </summary>
/// <remarks>
/// The whole training set is read into memory (rendered plots and ExpCoT texts). Fitting is deterministic: the same rows,
/// options and starting weights give the same detector.
/// </remarks>
public sealed class TimerPoDetectorEstimator : IEstimator<TimerPoDetector>
{
    internal TimerPoDetectorEstimator(TimerPoDetectorOptions options)
    {
        Options = options;
    }

    /// <summary>The settings (validated when the estimator was created).</summary>
    public TimerPoDetectorOptions Options { get; }

    /// <summary>Reads the rows, trains (SFT warm-up if asked, then TimerPO) and returns the detector.</summary>
    /// <param name="input">Rows with the series, ground-truth, class and task columns named in <see cref="Options"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or of the wrong type, a row holds an invalid value, the
    /// data has no rows, or the plot options do not match the policy's image size; the message names the column (and
    /// row).</exception>
    /// <exception cref="PolicyCheckpointException"><see cref="TimerPoDetectorOptions.InitialCheckpoint"/> cannot be loaded.</exception>
    /// <exception cref="OperationCanceledException"><see cref="TimerPoDetectorOptions.CancellationToken"/> was cancelled.</exception>
    public TimerPoDetector Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = Options;
        CheckInput(input.Schema);
        var ct = o.CancellationToken;
        ct.ThrowIfCancellationRequested();
        var samples = TrainingRowReader.Read(input, o, ct);
        if (o.PolicyFactory is not null) return FitAnyPolicy(o.PolicyFactory, samples);

        TinyPolicyModel? policy = StartingPolicy();
        try
        {
            var config = policy?.Config ?? o.PolicyConfig ?? new TinyPolicyConfig();
            var settings = DetectionSettings(config);
            var factory = new TimerPoExampleFactory(new TimeSeriesPlotRenderer(settings.PlotOptions),
                new ExpCotGenerator(o.ExpCot), settings.ColorMode);
            var examples = factory.CreateAll(samples, ct);
            policy ??= FreshPolicy(config, examples);
            CheckCapacity(policy, samples);

            if (o.SftSteps > 0)
            {
                using var sft = new SftTrainer(policy, o.Sft, o.Logger);
                sft.Train(examples, o.SftSteps, o.SftProgress, heldOut: null, ct);
            }
            if (o.TimerPoSteps > 0)
            {
                using var reference = policy.Clone();
                using var trainer = new TimerPoTrainer(policy, reference, o.TimerPo, o.Solver, o.Logger);
                trainer.Train(examples, o.TimerPoSteps, o.Progress, ct);
            }
            ct.ThrowIfCancellationRequested();
            return TimerPoDetector.FromPolicy(policy, DetectorColumns.From(o), settings);
        }
        finally
        {
            policy?.Dispose();
        }
    }

    /// <summary>TimerPO on the policy of <see cref="TimerPoDetectorOptions.PolicyFactory"/> (no SFT); the detector is bound to
    /// that instance, which it keeps (the policy is disposed only if the fit fails).</summary>
    private TimerPoDetector FitAnyPolicy(Func<IPolicyModel> policyFactory, IReadOnlyList<AnomSeer.Data.Samples.TsadSample> samples)
    {
        var o = Options;
        var ct = o.CancellationToken;
        var policy = policyFactory() ?? throw new InvalidOperationException("PolicyFactory returned null.");
        try
        {
            var settings = TimerPoDetector.BoundSettings(policy, o);
            var factory = new TimerPoExampleFactory(new TimeSeriesPlotRenderer(settings.PlotOptions),
                new ExpCotGenerator(o.ExpCot), settings.ColorMode);
            var examples = factory.CreateAll(samples, ct);
            if (o.TimerPoSteps > 0)
            {
                using var reference = (o.ReferencePolicyFactory is null ? policyFactory() : o.ReferencePolicyFactory(policy))
                    ?? throw new InvalidOperationException("The reference policy factory returned null.");
                using var trainer = new TimerPoTrainer(policy, reference, o.TimerPo, o.Solver, o.Logger);
                trainer.Train(examples, o.TimerPoSteps, o.Progress, ct);
            }
            ct.ThrowIfCancellationRequested();
            return TimerPoDetector.Bound(policy, DetectorColumns.From(o), settings);
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>The schema after the detector: the input columns plus the reasoning, intervals and class columns (and the
    /// response column when one is named).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="inputSchema"/> is null.</exception>
    /// <exception cref="ArgumentException">An input column is missing or of the wrong type; the message names it.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var o = Options;
        SchemaChecks.Check(inputSchema, o.SeriesColumnName, SchemaChecks.Expect.NumericVector, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, o.GroundTruthColumnName, SchemaChecks.Expect.IntervalVector, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, o.ClassColumnName, SchemaChecks.Expect.Text, nameof(inputSchema));
        SchemaChecks.Check(inputSchema, o.TaskColumnName, SchemaChecks.Expect.Text, nameof(inputSchema));
        return TimerPoDetector.Estimator(new MLContext(seed: 0), DetectorColumns.From(o), [0]).GetOutputSchema(inputSchema);
    }

    private void CheckInput(DataViewSchema schema)
    {
        var o = Options;
        SchemaChecks.Check(schema, o.SeriesColumnName, SchemaChecks.Expect.NumericVector, "input");
        SchemaChecks.Check(schema, o.GroundTruthColumnName, SchemaChecks.Expect.IntervalVector, "input");
        SchemaChecks.Check(schema, o.ClassColumnName, SchemaChecks.Expect.Text, "input");
        SchemaChecks.Check(schema, o.TaskColumnName, SchemaChecks.Expect.Text, "input");
    }

    private TinyPolicyModel? StartingPolicy()
    {
        var o = Options;
        if (o.InitialCheckpoint is not null) return PolicyCheckpoint.Load(o.InitialCheckpoint);
        if (o.InitialPolicyFactory is not null)
            return o.InitialPolicyFactory() ?? throw new InvalidOperationException("InitialPolicyFactory returned null.");
        return null;
    }

    /// <summary>A fresh model whose tokenizer is built from the examples' ExpCoT texts and SFT targets.</summary>
    private TinyPolicyModel FreshPolicy(TinyPolicyConfig config, IReadOnlyList<TimerPoExample> examples)
    {
        var corpus = examples.SelectMany(e => new[] { e.ExpertReference, SftTargets.Text(e) });
        var tokenizerOptions = Options.TokenizerOptions ?? new PolicyTokenizerOptions { OffsetTokenCount = config.PointerOffsetCount };
        var tokenizer = PolicyTokenizerBuilder.Build(corpus, tokenizerOptions);
        return new TinyPolicyModel(config with { VocabSize = 0 }, tokenizer, Options.Seed);
    }

    /// <summary>The detection settings: the plot at the policy's image size, its channels, the evaluation sampling.</summary>
    private TimerPoDetectorSettings DetectionSettings(TinyPolicyConfig config)
    {
        var o = Options;
        var plot = o.PlotOptions ?? new PlotOptions { Width = config.ImageWidth, Height = config.ImageHeight };
        if (plot.Width != config.ImageWidth || plot.Height != config.ImageHeight)
            throw new ArgumentException(
                $"PlotOptions draws {plot.Width}×{plot.Height} px but the policy reads {config.ImageWidth}×{config.ImageHeight} px images.",
                nameof(TimerPoDetectorOptions.PlotOptions));
        var mode = config.ImageChannels switch
        {
            1 => TensorColorMode.Grayscale,
            3 => TensorColorMode.Rgb,
            _ => throw new ArgumentException($"The policy reads {config.ImageChannels}-channel images; only 1 (grayscale) and 3 (RGB) are drawn.",
                nameof(TimerPoDetectorOptions.PolicyConfig)),
        };
        var settings = new TimerPoDetectorSettings(o.TimerPo.EvaluationTemperature, o.TimerPo.TopP, o.TimerPo.MaxResponseTokens,
            o.Seed, plot, mode);
        settings.Validate();
        return settings;
    }

    /// <summary>Fails early, naming the row, when a series is longer than the policy's series tokens can hold.</summary>
    private void CheckCapacity(TinyPolicyModel policy, IReadOnlyList<AnomSeer.Data.Samples.TsadSample> samples)
    {
        var config = policy.Config;
        if (config.Modality != InputModality.ImageAndSeries) return;
        long capacity = (long)config.MaxSeriesTokens * config.SeriesPatchSize;
        for (int r = 0; r < samples.Count; r++)
            if (samples[r].Length > capacity)
                throw new ArgumentException(
                    $"Input column '{Options.SeriesColumnName}', row {r}: the series has {samples[r].Length} values but the policy reads at most {capacity} " +
                    $"({config.MaxSeriesTokens} tokens of {config.SeriesPatchSize}).", "input");
    }
}
