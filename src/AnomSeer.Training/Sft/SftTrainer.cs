using System.Diagnostics;
using AnomSeer.Metrics;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training.Optimization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace AnomSeer.Training;

/// <summary>
/// Supervised fine-tuning of the compact policy on expert traces: teacher forcing on <see cref="SftTargets.Text(TimerPoExample, SftReasoningStyle)"/> (the
/// ExpCoT-derived reasoning, then the answer and class tags), jointly with the auxiliary anomaly-head loss weighted by
/// <see cref="SftOptions.AnomalyHeadLossWeight"/>; AdamW with linear warm-up and cosine decay (<see cref="SftSchedule"/>)
/// and gradient clipping.
/// </summary>
/// <remarks>
/// Deterministic: the examples of step k depend only on (<see cref="SftOptions.Seed"/>, k) through
/// <see cref="PromptSchedule"/>, and the loss has no randomness, so the same seed, data and initial weights give the same
/// parameters, and a run resumed from a checkpoint (<see cref="SaveCheckpoint"/>, <see cref="LoadCheckpoint"/>) equals the
/// uninterrupted one. Not thread-safe. The trainer does not own the model.
/// </remarks>
public sealed partial class SftTrainer : IDisposable
{
    private readonly TinyPolicyModel _policy;
    private readonly SftOptions _options;
    private readonly ILogger _logger;
    private readonly TorchSharp.Modules.AdamW _optimizer;
    private bool _disposed;

    /// <summary>Creates a trainer.</summary>
    /// <param name="policy">The policy to train.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <param name="logger">Receives one information line per step and per evaluation; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SftTrainer(TinyPolicyModel policy, SftOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new SftOptions();
        options.Validate();
        _policy = policy;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _optimizer = TrainerOptimization.AdamW(policy.TrainableParameters, SftSchedule.LearningRate(options, 0), options.Beta1,
            options.Beta2, options.AdamEpsilon, options.WeightDecay);
    }

    /// <summary>The settings in use.</summary>
    public SftOptions Options => _options;

    /// <summary>Steps completed (including those restored by <see cref="LoadCheckpoint"/>).</summary>
    public long StepsDone { get; private set; }

    /// <summary>
    /// Trains until <see cref="StepsDone"/> reaches <paramref name="totalSteps"/>, taking each step's
    /// <see cref="SftOptions.BatchSize"/> examples from <paramref name="dataset"/> by <see cref="PromptSchedule"/>; with a
    /// held-out split and <see cref="SftOptions.EvaluationInterval"/> &gt; 0, evaluates every that many steps and after
    /// the last one.
    /// </summary>
    /// <param name="dataset">The training examples, at least one.</param>
    /// <param name="totalSteps">The step count to reach (a resumed trainer continues from <see cref="StepsDone"/>).</param>
    /// <param name="progress">Receives a report after every step; may be null.</param>
    /// <param name="heldOut">The held-out split for the periodic evaluation; may be null.</param>
    /// <param name="cancellationToken">Checked between steps and inside them.</param>
    /// <returns>The metrics of the steps run by this call.</returns>
    /// <exception cref="ArgumentException">The dataset is empty.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IReadOnlyList<SftStepMetrics> Train(IReadOnlyList<TimerPoExample> dataset, long totalSteps,
        IProgress<SftProgress>? progress = null, IReadOnlyList<TimerPoExample>? heldOut = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count == 0) throw new ArgumentException("The dataset is empty.", nameof(dataset));
        ArgumentOutOfRangeException.ThrowIfNegative(totalSteps);
        var all = new List<SftStepMetrics>();
        while (StepsDone < totalSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = PromptSchedule.IndicesFor(dataset.Count, _options.BatchSize, _options.Seed, StepsDone);
            var metrics = Step(indices.Select(i => dataset[i]).ToArray(), cancellationToken);
            all.Add(metrics);
            EvaluationReport? report = null;
            int every = _options.EvaluationInterval;
            if (heldOut is { Count: > 0 } && every > 0 && (StepsDone % every == 0 || StepsDone == totalSteps))
                report = Evaluate(heldOut, cancellationToken: cancellationToken).Report;
            progress?.Report(new SftProgress(StepsDone, totalSteps, metrics, report));
        }
        return all;
    }

    /// <summary>Runs one SFT step on the given examples and advances <see cref="StepsDone"/>.</summary>
    /// <param name="examples">The batch, at least one example.</param>
    /// <param name="cancellationToken">Cancels the step; a cancelled step leaves the weights unchanged unless the
    /// optimiser step had started.</param>
    /// <returns>The step's metrics (also logged).</returns>
    /// <exception cref="ArgumentException">The list is empty, has a null, or an input does not fit the policy.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public SftStepMetrics Step(IReadOnlyList<TimerPoExample> examples, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        TrainerArguments.RequireBatch(examples);
        cancellationToken.ThrowIfCancellationRequested();
        var timer = Stopwatch.StartNew();
        double lr = SftSchedule.LearningRate(_options, StepsDone);
        var items = examples.Select(e => new ResponseItem(e.Input, _policy.EncodeResponse(e.Input, SftTargets.Text(e, _options.ReasoningStyle)))).ToArray();
        int tokens = items.Sum(i => i.ResponseTokenIds.Count);
        double loss, tokenLoss, headLoss, gradNorm;
        _policy.SetTrainingMode(true);
        try
        {
            ClearGradients();
            using (var scope = NewDisposeScope())
            {
                var (scores, head) = _policy.ScoreResponsesWithAnomalyHead(items, new ScoringOptions { WithGradients = true }, cancellationToken);
                using (scores)
                using (head)
                {
                    var (total, tok, aux) = SftLoss.Compute(scores, head, examples, _options.AnomalyHeadLossWeight,
                        items.Select(i => i.ResponseTokenIds).ToArray(), _policy.Tokenizer.TagId("</think>"), _options.AnswerTokenWeight);
                    cancellationToken.ThrowIfCancellationRequested();
                    total.backward();
                    loss = total.item<float>();
                    tokenLoss = tok.item<float>();
                    headLoss = aux.item<float>();
                }
            }
            gradNorm = TrainerOptimization.ClipGradients(_policy.TrainableParameters, _options.MaxGradNorm);
            TrainerOptimization.SetLearningRate(_optimizer, lr);
            _optimizer.step();
        }
        finally
        {
            ClearGradients();
            _policy.SetTrainingMode(false);
        }
        var metrics = new SftStepMetrics(StepsDone, loss, tokenLoss, headLoss, gradNorm, lr, examples.Count, tokens,
            timer.Elapsed.TotalSeconds);
        StepsDone++;
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation(
                "SFT step {Step}: loss {Loss:F4} (tokens {TokenLoss:F4}, anomaly head {HeadLoss:F4}), grad norm {GradNorm:F3}, lr {LearningRate:E2}, {Tokens} tokens, {Seconds:F2} s",
                metrics.Step, metrics.Loss, metrics.TokenLoss, metrics.AnomalyHeadLoss, metrics.GradNorm, metrics.LearningRate,
                metrics.Tokens, metrics.Seconds);
        return metrics;
    }

    /// <summary>
    /// Evaluates the policy on a held-out split with <see cref="PolicyEvaluator"/> (one sampled response per example at
    /// the evaluation temperature, scored with the TSAD reward, aggregated in an <see cref="EvaluationReport"/>).
    /// </summary>
    /// <param name="heldOut">The held-out examples.</param>
    /// <param name="evaluation">Temperature, top-p and response length; <see cref="SftOptions.Evaluation"/>, or else the
    /// paper's evaluation settings with this trainer's seed, when null.</param>
    /// <param name="batchSize">Prompts sampled together, at least 1.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="heldOut"/> is null.</exception>
    public PolicyEvaluation Evaluate(IReadOnlyList<TimerPoExample> heldOut, TimerPoOptions? evaluation = null, int batchSize = 16,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(heldOut);
        var result = PolicyEvaluator.Evaluate(_policy, heldOut, evaluation ?? _options.Evaluation ?? new TimerPoOptions { Seed = _options.Seed }, batchSize,
            cancellationToken);
        if (_logger.IsEnabled(LogLevel.Information) && result.Report.Count > 0)
            _logger.LogInformation("SFT evaluation after step {Steps} on {Count} held-out examples:\n{Report}", StepsDone,
                heldOut.Count, result.Report.ToMarkdown());
        return result;
    }

    private void ClearGradients() => TrainerOptimization.ClearGradients(_policy.TrainableParameters);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Disposes the optimiser state (not the model).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _optimizer.Dispose();
    }
}
