using System.Diagnostics;
using AnomSeer.Metrics;
using AnomSeer.OptimalTransport;
using AnomSeer.Policy;
using AnomSeer.Training.Losses;
using AnomSeer.Training.Optimization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using AnomSeer.Policy.Tiny.Layers;
using static TorchSharp.torch;

namespace AnomSeer.Training;

/// <summary>
/// The TimerPO trainer (method spec b.9). One step: sample <see cref="TimerPoOptions.ResponsesPerPrompt"/> responses per
/// prompt at the rollout temperature → score each with the TSAD reward → without gradients, the old log-probabilities
/// and response hidden states (current policy), the reference log-probabilities (frozen policy) and the hidden states of
/// each prompt's reference text (current policy, text only, truncated) → W per response through the
/// <see cref="ISinkhornSolver"/> and the advantages of <see cref="TimerPoAdvantage.Compute"/> → PPO-clip update with an
/// entropy bonus and a k3 KL loss, AdamW with gradient clipping.
/// </summary>
/// <remarks>
/// Deterministic: the prompts of step k and the sampling seed of step k depend only on (<see cref="TimerPoOptions.Seed"/>,
/// k), so the same seed, data and initial weights give the same run, and a run resumed from a checkpoint
/// (<see cref="SaveCheckpoint"/>, <see cref="LoadCheckpoint"/>) continues exactly as the uninterrupted one. Not
/// thread-safe. The trainer does not own the models.
/// </remarks>
public sealed partial class TimerPoTrainer : IDisposable
{
    private readonly IPolicyModel _policy;
    private readonly IPolicyModel _reference;
    private readonly TimerPoOptions _options;
    private readonly ISinkhornSolver _solver;
    private readonly ILogger _logger;
    private readonly TimerPoRewardFunction _reward;
    private readonly TorchSharp.Modules.AdamW _optimizer;
    private bool _disposed;

    /// <summary>Creates a trainer.</summary>
    /// <param name="policy">The policy to train (typically the SFT checkpoint).</param>
    /// <param name="reference">The frozen reference policy of the KL loss: a copy of the initial policy (for example
    /// <c>TinyPolicyModel.Clone()</c>); never updated. Must be a different instance.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <param name="solver">The Sinkhorn solver (CPU or CUDA provider); <see cref="CpuSinkhornSolver.Shared"/> when null.</param>
    /// <param name="logger">Receives one information line per step; none when null.</param>
    /// <param name="reward">The reward; <see cref="TsadReward"/> (spec b.2) when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is the same instance as <paramref name="policy"/>, or
    /// <paramref name="solver"/> does not support the precision of <see cref="TimerPoAdvantageOptions.SinglePrecision"/> (a GPU
    /// solver needs <c>Advantage = TimerPoAdvantageOptions.Paper with { SinglePrecision = true }</c>, a named deviation).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TimerPoTrainer(IPolicyModel policy, IPolicyModel reference, TimerPoOptions? options = null, ISinkhornSolver? solver = null,
        ILogger? logger = null, TimerPoRewardFunction? reward = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reference);
        if (ReferenceEquals(policy, reference))
            throw new ArgumentException("The reference policy must be a frozen copy of the policy, not the same instance.", nameof(reference));
        options ??= new TimerPoOptions();
        options.Validate();
        _policy = policy;
        _reference = reference;
        _options = options;
        _solver = solver ?? CpuSinkhornSolver.Shared;
        var needed = options.Advantage.SinglePrecision ? SinkhornPrecisions.Single : SinkhornPrecisions.Double;
        if (options.Mode != TimerPoMode.OutcomeOnly && !_solver.SupportedPrecisions.HasFlag(needed))
            throw new ArgumentException(
                $"The Sinkhorn solver '{_solver.Name}' does not support {needed} precision; " +
                (needed == SinkhornPrecisions.Double
                    ? "set TimerPoOptions.Advantage to TimerPoAdvantageOptions.Paper with { SinglePrecision = true } (a named deviation from the paper's float64), or use the CPU solver."
                    : "use a solver that accepts float32 problems."),
                nameof(solver));
        _logger = logger ?? NullLogger.Instance;
        _reward = reward ?? DefaultReward;
        _optimizer = TrainerOptimization.AdamW(policy.TrainableParameters, options.LearningRate, options.Beta1, options.Beta2,
            options.AdamEpsilon, options.WeightDecay);
    }

    /// <summary>The settings in use.</summary>
    public TimerPoOptions Options => _options;

    /// <summary>Steps completed (including those restored by <see cref="LoadCheckpoint"/>).</summary>
    public long StepsDone { get; private set; }

    /// <summary>Test hook: called each step with the advantage inputs and the advantages fed to the loss.</summary>
    internal Action<AdvantageObservation>? AdvantageObserver { get; set; }

    /// <summary>
    /// Trains until <see cref="StepsDone"/> reaches <paramref name="totalSteps"/>, taking each step's prompts from
    /// <paramref name="dataset"/> by <see cref="PromptSchedule"/>.
    /// </summary>
    /// <param name="dataset">The training examples, at least one.</param>
    /// <param name="totalSteps">The step count to reach (a resumed trainer continues from <see cref="StepsDone"/>).</param>
    /// <param name="progress">Receives a report after every step; may be null.</param>
    /// <param name="cancellationToken">Checked between steps and inside them; a cancelled step leaves the weights unchanged
    /// unless the optimiser step had started.</param>
    /// <returns>The metrics of the steps run by this call.</returns>
    /// <exception cref="ArgumentException">The dataset is empty.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public IReadOnlyList<TimerPoStepMetrics> Train(IReadOnlyList<TimerPoExample> dataset, long totalSteps,
        IProgress<TimerPoProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count == 0) throw new ArgumentException("The dataset is empty.", nameof(dataset));
        ArgumentOutOfRangeException.ThrowIfNegative(totalSteps);
        var all = new List<TimerPoStepMetrics>();
        while (StepsDone < totalSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = PromptSchedule.IndicesFor(dataset.Count, _options.PromptsPerStep, _options.Seed, StepsDone);
            var metrics = Step(indices.Select(i => dataset[i]).ToArray(), cancellationToken);
            all.Add(metrics);
            progress?.Report(new TimerPoProgress(StepsDone, totalSteps, metrics));
        }
        return all;
    }

    /// <summary>Runs one TimerPO step (spec b.9) on the given prompts and advances <see cref="StepsDone"/>.</summary>
    /// <param name="examples">The prompts of the step, at least one.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>The step's metrics (also logged, and appended to <see cref="TimerPoOptions.MetricsLogPath"/>).</returns>
    /// <exception cref="ArgumentException">The list is empty, has a null, or an input does not fit the policy.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public TimerPoStepMetrics Step(IReadOnlyList<TimerPoExample> examples, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        TrainerArguments.RequireBatch(examples);
        cancellationToken.ThrowIfCancellationRequested();
        var total = Stopwatch.StartNew();
        var timer = Stopwatch.StartNew();

        var responses = SampleGroup(examples, cancellationToken);
        double generation = Lap(timer);

        var batch = ScoreRewards(examples, responses);
        double rewardTime = Lap(timer);

        ComputeLogProbsAndHiddenStates(examples, batch, cancellationToken);
        double hiddenTime = Lap(timer);

        var advantageOptions = _options.Advantage with { Mode = _options.AdvantageMode };
        var rewards = batch.Rewards.Select(r => r.Total).ToArray();
        var advantage = TimerPoAdvantage.Compute(batch.GroupIds, rewards, batch.ResponseHidden, batch.ReferenceHidden,
            advantageOptions, _solver, cancellationToken);
        var fed = advantage.Advantages.Select(a => (float)a).ToArray();
        AdvantageObserver?.Invoke(new AdvantageObservation(batch.GroupIds, rewards, batch.ResponseHidden, batch.ReferenceHidden, advantageOptions, fed));
        double transportTime = Lap(timer);

        var update = Update(batch, fed, cancellationToken);
        double updateTime = Lap(timer);

        var metrics = StepMetricsBuilder.Build(StepsDone, _options.Mode, examples.Count, batch, advantage, update,
            generation, rewardTime, hiddenTime, transportTime, updateTime, total.Elapsed.TotalSeconds);
        StepsDone++;
        Report(metrics);
        return metrics;
    }

    private IReadOnlyList<SampledResponse> SampleGroup(IReadOnlyList<TimerPoExample> examples, CancellationToken cancellationToken)
    {
        _policy.SetTrainingMode(false);
        var sampling = new SamplingOptions
        {
            ResponsesPerPrompt = _options.ResponsesPerPrompt,
            Temperature = _options.RolloutTemperature,
            TopP = _options.TopP,
            MaxNewTokens = _options.MaxResponseTokens,
            Seed = StepSeed(_options.Seed, StepsDone),
        };
        return _policy.Sample(examples.Select(e => e.Input).ToArray(), sampling, cancellationToken);
    }

    private RolloutBatch ScoreRewards(IReadOnlyList<TimerPoExample> examples, IReadOnlyList<SampledResponse> responses)
    {
        var rewards = new RewardBreakdown[responses.Count];
        for (int i = 0; i < responses.Count; i++)
        {
            var r = responses[i];
            rewards[i] = _reward(examples[r.PromptIndex], r.Text)
                ?? throw new InvalidOperationException($"The reward function returned null for response {i}.");
        }
        return new RolloutBatch
        {
            Responses = responses,
            Items = responses.Select(r => new ResponseItem(examples[r.PromptIndex].Input, r.TokenIds)).ToArray(),
            GroupIds = responses.Select(r => r.PromptIndex).ToArray(),
            Rewards = rewards,
        };
    }

    private void ComputeLogProbsAndHiddenStates(IReadOnlyList<TimerPoExample> examples, RolloutBatch batch, CancellationToken cancellationToken)
    {
        bool needTransport = _options.Mode != TimerPoMode.OutcomeOnly;
        bool needReference = _options.KlCoefficient > 0;
        int n = batch.Count;
        var old = new float[n][];
        var reference = needReference ? new float[n][] : null;
        var hidden = new HiddenStates[n];
        var scoring = new ScoringOptions { Temperature = _options.RolloutTemperature, ReturnHiddenStates = needTransport };
        var referenceScoring = new ScoringOptions { Temperature = _options.RolloutTemperature };
        foreach (var chunk in Chunks(0, n, _options.MicroBatchResponses))
        {
            using var scope = NewDisposeScope();
            var items = chunk.Select(i => batch.Items[i]).ToArray();
            using (var scores = _policy.ScoreResponses(items, scoring, cancellationToken))
            {
                for (int k = 0; k < chunk.Length; k++)
                {
                    old[chunk[k]] = scores.LogProbsOf(k);
                    if (needTransport) hidden[chunk[k]] = TensorRows.HiddenRow(scores.HiddenStates!, scores.Mask, k);
                }
            }
            if (reference is not null)
            {
                using var refScores = _reference.ScoreResponses(items, referenceScoring, cancellationToken);
                for (int k = 0; k < chunk.Length; k++) reference[chunk[k]] = refScores.LogProbsOf(k);
            }
        }
        batch.OldLogProbs = old;
        batch.ReferenceLogProbs = reference;
        if (!needTransport)
        {
            var empty = new HiddenStates(ReadOnlyMemory<float>.Empty, 0, _policy.HiddenSize);
            batch.ResponseHidden = Enumerable.Repeat(empty, n).ToArray();
            batch.ReferenceHidden = batch.ResponseHidden;
            return;
        }
        var texts = examples.Select(e => e.ReferenceText(_options.Mode)).ToArray();
        var perPrompt = new HiddenStates[texts.Length];
        using (var scope = NewDisposeScope())
        using (var states = _policy.TextHiddenStates(texts, _options.ReferenceMaxTokens, cancellationToken))
        {
            for (int p = 0; p < texts.Length; p++) perPrompt[p] = TensorRows.HiddenRow(states.States, states.Mask, p);
        }
        batch.ResponseHidden = hidden;
        batch.ReferenceHidden = batch.GroupIds.Select(g => perPrompt[g]).ToArray();
    }

    private UpdateStatistics Update(RolloutBatch batch, float[] advantages, CancellationToken cancellationToken)
    {
        var stats = new UpdateStatistics();
        int n = batch.Count;
        var scoring = new ScoringOptions { WithGradients = true, ComputeEntropy = true, Temperature = _options.RolloutTemperature };
        _policy.SetTrainingMode(true);
        try
        {
            for (int epoch = 0; epoch < _options.PpoEpochs; epoch++)
            {
                bool lastEpoch = epoch == _options.PpoEpochs - 1;
                foreach (var mini in Chunks(0, n, _options.MiniBatchResponses))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ClearGradients();
                    var micros = Chunks(0, mini.Length, _options.MicroBatchResponses).Select(c => c.Select(k => mini[k]).ToArray()).ToArray();
                    foreach (var micro in micros)
                    {
                        using var scope = NewDisposeScope();
                        var items = micro.Select(i => batch.Items[i]).ToArray();
                        using var scores = _policy.ScoreResponses(items, scoring, cancellationToken);
                        long width = scores.LogProbs.shape[1];
                        var old = TensorRows.Pad(batch.OldLogProbs, micro, width);
                        var reference = batch.ReferenceLogProbs is null ? null : TensorRows.Pad(batch.ReferenceLogProbs, micro, width);
                        var adv = tensor(micro.Select(i => advantages[i]).ToArray());
                        var loss = TimerPoLoss.Compute(scores.LogProbs, old, reference, scores.Entropy, adv, scores.Mask,
                            _options.ClipRatio, _options.EntropyCoefficient, _options.KlCoefficient, _options.KlClamp);
                        loss.Loss.DivideBy(micros.Length).backward();
                        if (lastEpoch) stats.Add(loss, loss.Loss.item<float>());
                    }
                    stats.AddGradNorm(ClipGradients());
                    _optimizer.step();
                }
            }
        }
        finally
        {
            ClearGradients();
            _policy.SetTrainingMode(false);
        }
        return stats;
    }

    /// <summary>Sets every gradient to none (see <see cref="TrainerOptimization.ClearGradients"/>).</summary>
    private void ClearGradients() => TrainerOptimization.ClearGradients(_policy.TrainableParameters);

    private double ClipGradients() => TrainerOptimization.ClipGradients(_policy.TrainableParameters, _options.MaxGradNorm);

    private static IEnumerable<int[]> Chunks(int start, int count, int size)
    {
        if (size <= 0 || size > count) size = count;
        for (int s = start; s < start + count; s += size)
            yield return Enumerable.Range(s, Math.Min(size, start + count - s)).ToArray();
    }

    private static RewardBreakdown DefaultReward(TimerPoExample example, string responseText) =>
        TsadReward.Score(responseText, example.GroundTruth, example.GroundTruthClass, example.SeriesLength);

    /// <summary>The sampling seed of step <paramref name="step"/> of a run seeded with <paramref name="seed"/>.</summary>
    internal static int StepSeed(int seed, long step) => unchecked((int)(seed * 1_000_003L + step * 7_919L + 1));

    private static double Lap(Stopwatch timer)
    {
        double s = timer.Elapsed.TotalSeconds;
        timer.Restart();
        return s;
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Disposes the optimiser state (not the models).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _optimizer.Dispose();
    }
}
