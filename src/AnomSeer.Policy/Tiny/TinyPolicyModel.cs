using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny.Layers;
using AnomSeer.Policy.Tokenization;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny;

/// <summary>
/// AnomSeer-Tiny: the compact vision-language policy trained from scratch on CPU that speaks the AnomSeer protocol.
/// Column-strip visual tokens (and, with <see cref="InputModality.ImageAndSeries"/>, series patch tokens), each with an
/// x-coordinate embedding, go through a bidirectional input encoder; a causal decoder (RoPE, RMSNorm, SwiGLU, KV cache)
/// reads them as a prefix, then the prompt, then writes the response. Interval numbers in the answer are position tokens
/// (a pointer over the input tokens plus a fine offset); an auxiliary per-token anomaly head reads the encoded inputs.
/// </summary>
/// <remarks>An instance is not thread-safe: use one per thread, or <see cref="Clone"/>. <see cref="Sample"/> processes all
/// prompts × responses as one batch (its KV cache grows with rows × (prefix + new tokens)); chunk large requests.</remarks>
public sealed class TinyPolicyModel : IPolicyModel
{
    // Guards torch's process-wide generator while a model is seeded and initialised.
    private static readonly Lock GlobalGeneratorLock = new();

    private readonly TinyPolicyNetwork _network;
    private readonly PositionCodec _codec;
    private bool _disposed;

    /// <summary>Creates a model with freshly initialised weights.</summary>
    /// <param name="config">The architecture; <see cref="TinyPolicyConfig.VocabSize"/> 0 takes the tokenizer's size.</param>
    /// <param name="tokenizer">The tokenizer; its size and offset-token count must match the configuration.</param>
    /// <param name="seed">Seed of the weight initialisation (TorchSharp's global generator is seeded for it, then restored).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The configuration is invalid.</exception>
    /// <exception cref="ArgumentException">The configuration does not match the tokenizer.</exception>
    public TinyPolicyModel(TinyPolicyConfig config, PolicyTokenizer tokenizer, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tokenizer);
        if (config.VocabSize == 0) config = config with { VocabSize = tokenizer.Count };
        config.Validate();
        if (config.VocabSize != tokenizer.Count)
            throw new ArgumentException($"config.VocabSize is {config.VocabSize} but the tokenizer has {tokenizer.Count} tokens.", nameof(config));
        if (config.PointerOffsetCount != tokenizer.OffsetTokenCount)
            throw new ArgumentException($"config.PointerOffsetCount is {config.PointerOffsetCount} but the tokenizer has {tokenizer.OffsetTokenCount} offset tokens.", nameof(config));
        Config = config;
        Tokenizer = tokenizer;
        // Seed the initialisation, then give the caller's global generator its state back. The module
        // initialisers draw from torch's process-wide generator, so two models built on different threads at
        // once would interleave their draws: the lock makes seed + initialisation one step.
        lock (GlobalGeneratorLock)
        {
            using var saved = torch.random.get_rng_state();
            torch.random.manual_seed(seed);
            _network = new TinyPolicyNetwork(config);
            torch.random.set_rng_state(saved);
        }
        _network.eval();
        _codec = new PositionCodec(tokenizer, config.PointerOffsetCount);
        TrainableParameters = _network.parameters().ToArray();
    }

    /// <summary>The architecture.</summary>
    public TinyPolicyConfig Config { get; }

    /// <summary>The tokenizer.</summary>
    public PolicyTokenizer Tokenizer { get; }

    /// <inheritdoc/>
    public InputModality Modality => Config.Modality;

    /// <inheritdoc/>
    public int HiddenSize => Config.ModelDim;

    /// <inheritdoc/>
    public int EndOfSequenceId => SpecialTokens.EndOfSequenceId;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> TrainableParameters { get; }

    /// <summary>Total number of trainable scalars.</summary>
    public long ParameterCount => TrainableParameters.Sum(p => p.numel());

    /// <summary>Test hook: receives, at each generation step, the <c>[rows · V_out]</c> log-probabilities computed with the cache.</summary>
    internal Action<int, float[]>? StepObserver { get; set; }

    /// <summary>
    /// The full <c>[T, V_out]</c> log-probability table of one response recomputed without any cache (row t is the
    /// distribution of token t given the tokens before it).
    /// </summary>
    internal float[] FullLogProbTable(PolicyInput input, IReadOnlyList<int> responseIds, double temperature = 1.0)
    {
        var prepared = PreparedInputs.Prepare(Config, [input], nameof(input));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var prefix = _network.EncodePrefix(prepared, [Tokenizer.Encode(input.Prompt)]);
        int tr = responseIds.Count;
        var ids = tensor(responseIds.Select(i => (long)i).ToArray(), [1, tr]);
        var embeds = cat([prefix.Embeds, _network.EmbedTokens(ids, prefix.Targets)], 1);
        var valid = ones([1, embeds.shape[1]], @bool);
        var pos = ExplicitScalars.Range(0, embeds.shape[1]).unsqueeze(0);
        var hidden = _network.Decode(embeds, valid, pos, 0, null);
        long tp = prefix.Embeds.shape[1];
        var logits = _network.Logits(hidden[.., (int)(tp - 1)..(int)(tp - 1 + tr)], prefix.Targets, prefix.TargetValid);
        if (temperature > 0 && temperature != 1.0) logits = logits.DivideBy(temperature);
        return nn.functional.log_softmax(logits, -1).contiguous().data<float>().ToArray();
    }

    /// <summary>The network module (its state dict is the checkpoint's tensors).</summary>
    internal TinyPolicyNetwork Network => _network;

    /// <summary>The named parameters and their shapes, in registration order (the checkpoint's expected tensors).</summary>
    public IReadOnlyList<(string Name, long[] Shape)> ParameterShapes =>
        _network.named_parameters().Select(p => (p.name, p.parameter.shape)).ToArray();

    /// <inheritdoc/>
    public void SetTrainingMode(bool training)
    {
        ThrowIfDisposed();
        _network.train(training);
    }

    /// <summary>The x-ranges of the input tokens of <paramref name="input"/>: visual strips, then series patches.</summary>
    /// <exception cref="ArgumentException">The input does not fit the model.</exception>
    public IReadOnlyList<TokenRange> InputTokenRanges(PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return PreparedInputs.Prepare(Config, [input], nameof(input)).Ranges[0];
    }

    /// <summary>The x-ranges of the pointer targets of <paramref name="input"/> (pointer token k points at target k).</summary>
    /// <exception cref="ArgumentException">The input does not fit the model.</exception>
    public IReadOnlyList<TokenRange> PointerTargetRanges(PolicyInput input)
    {
        var all = InputTokenRanges(input);
        return Config.Modality == InputModality.Image ? all.Take(Config.VisionTokens).ToArray() : all.Skip(Config.VisionTokens).ToArray();
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> EncodeResponse(PolicyInput input, string responseText, bool appendEndOfSequence = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = _codec.Encode(responseText ?? "", PositionCodec.Bases(PointerTargetRanges(input)));
        if (appendEndOfSequence) ids.Add(EndOfSequenceId);
        return ids;
    }

    /// <inheritdoc/>
    public string DecodeResponse(PolicyInput input, IReadOnlyList<int> tokenIds)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (tokenIds is null) return "";
        return _codec.Decode(tokenIds, PositionCodec.Bases(PointerTargetRanges(input)));
    }

    /// <inheritdoc/>
    public IReadOnlyList<SampledResponse> Sample(IReadOnlyList<PolicyInput> prompts, SamplingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("At least one prompt is needed.", nameof(prompts));
        options ??= new SamplingOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        int n = options.ResponsesPerPrompt, rows = prompts.Count * n, vout = Config.OutputVocabSize;
        var prepared = PreparedInputs.Prepare(Config, prompts, nameof(prompts));
        var promptIds = prompts.Select(p => Tokenizer.Encode(p.Prompt)).ToArray();
        var bases = prepared.Ranges.Select(r => PositionCodec.Bases(TargetsOf(r))).ToArray();
        var tokens = Enumerable.Range(0, rows).Select(_ => new List<int>()).ToArray();
        var logps = Enumerable.Range(0, rows).Select(_ => new List<float>()).ToArray();
        var finished = new bool[rows];
        var rngs = Enumerable.Range(0, rows).Select(r => TokenSampler.CreateRandom(options.Seed, r / n, r % n)).ToArray();
        // Without the cache (options.UseKeyValueCache false, for benchmarks and checks) every step re-decodes the repeated
        // prefix embeddings plus all response tokens so far.
        var caches = options.UseKeyValueCache
            ? Enumerable.Range(0, Config.DecoderLayers).Select(_ => new LayerCache(PrefixCapacityHint(prompts, promptIds) + options.MaxNewTokens)).ToArray()
            : [];
        Tensor? keyValid = null, last = null, targets = null, targetValid = null, pointerKeys = null, prefixEmbeds = null, history = null;
        try
        {
            using var noGrad = no_grad();
            long tp;
            long[] lengths;
            using (var scope = NewDisposeScope())
            {
                using var prefix = _network.EncodePrefix(prepared, promptIds);
                // The prefix is shared by the n responses of a prompt: run it once per prompt, then repeat the cache.
                var pos = ExplicitScalars.PositionsOf(prefix.Valid);
                var hidden = _network.Decode(prefix.Embeds, prefix.Valid, pos, 0, options.UseKeyValueCache ? caches : null);
                var rowIndex = ExplicitScalars.Range(0, prompts.Count).repeat_interleave(n);
                foreach (var cache in caches) cache.Select(rowIndex);
                if (!options.UseKeyValueCache) prefixEmbeds = prefix.Embeds.index_select(0, rowIndex).DetachFromDisposeScope();
                hidden = hidden.index_select(0, rowIndex);
                keyValid = prefix.Valid.index_select(0, rowIndex).DetachFromDisposeScope();
                targets = prefix.Targets.index_select(0, rowIndex).DetachFromDisposeScope();
                targetValid = prefix.TargetValid.index_select(0, rowIndex).DetachFromDisposeScope();
                pointerKeys = _network.PointerKeys(targets).DetachFromDisposeScope();
                lengths = Enumerable.Range(0, rows).Select(r => prefix.Lengths[r / n]).ToArray();
                tp = prefix.Embeds.shape[1];
                last = hidden[.., (int)(tp - 1)..].DetachFromDisposeScope();
            }
            for (int t = 0; t < options.MaxNewTokens; t++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var logits = _network.LogitsWithKeys(last, pointerKeys!, targetValid!)[.., 0];
                if (options.Temperature > 0) logits = logits.DivideBy(options.Temperature);
                var lp = nn.functional.log_softmax(logits, -1).contiguous().data<float>().ToArray();
                StepObserver?.Invoke(t, lp);
                var next = new long[rows];
                for (int r = 0; r < rows; r++)
                {
                    if (finished[r]) { next[r] = SpecialTokens.PadId; continue; }
                    var row = lp.AsSpan(r * vout, vout);
                    int id = options.Temperature == 0 ? TokenSampler.ArgMax(row) : TokenSampler.Sample(row, options.TopP, rngs[r]);
                    tokens[r].Add(id);
                    logps[r].Add(row[id]);
                    next[r] = id;
                    if (id == EndOfSequenceId) finished[r] = true;
                }
                if (finished.All(f => f) || t == options.MaxNewTokens - 1) break;
                var ids = tensor(next, [rows, 1]);
                var emb = _network.EmbedTokens(ids, targets);
                var newValid = cat([keyValid, ones([rows, 1], @bool)], 1).DetachFromDisposeScope();
                keyValid.Dispose();
                keyValid = newValid;
                Tensor h;
                if (options.UseKeyValueCache)
                {
                    var pos2 = tensor(lengths.Select(l => l + t).ToArray(), [rows, 1]);
                    h = _network.Decode(emb, keyValid, pos2, tp + t, caches).DetachFromDisposeScope();
                }
                else
                {
                    var all = history is null ? ids : cat([history, ids], 1);
                    history?.Dispose();
                    history = all.DetachFromDisposeScope();
                    var sequence = cat([prefixEmbeds!, _network.EmbedTokens(history, targets)], 1);
                    var positions = ExplicitScalars.PositionsOf(keyValid);
                    h = _network.Decode(sequence, keyValid, positions, 0, null)[.., (int)(tp + t)..].DetachFromDisposeScope();
                }
                last.Dispose();
                last = h;
            }
        }
        finally
        {
            foreach (var c in caches) c.Dispose();
            keyValid?.Dispose();
            last?.Dispose();
            targets?.Dispose();
            targetValid?.Dispose();
            pointerKeys?.Dispose();
            prefixEmbeds?.Dispose();
            history?.Dispose();
        }
        var result = new SampledResponse[rows];
        for (int r = 0; r < rows; r++)
        {
            var ids = tokens[r];
            var textIds = finished[r] ? ids.Take(ids.Count - 1).ToArray() : ids.ToArray();
            result[r] = new SampledResponse(r / n, r % n, ids.ToArray(), logps[r].ToArray(),
                _codec.Decode(textIds, bases[r / n]), finished[r]);
        }
        return result;
    }

    /// <inheritdoc/>
    public ResponseScores ScoreResponses(IReadOnlyList<ResponseItem> batch, ScoringOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Score(batch, options, withAnomalyHead: false, cancellationToken).Scores;

    /// <summary>
    /// <see cref="ScoreResponses"/> and <see cref="PredictAnomalyHead"/> from one encoder pass (joint SFT: token loss plus
    /// the auxiliary head's loss). The head output carries gradients when <see cref="ScoringOptions.WithGradients"/> is set.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, or an input or a token id does not fit the model.</exception>
    public (ResponseScores Scores, AnomalyHeadPrediction AnomalyHead) ScoreResponsesWithAnomalyHead(
        IReadOnlyList<ResponseItem> batch, ScoringOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (scores, head) = Score(batch, options, withAnomalyHead: true, cancellationToken);
        return (scores, head!);
    }

    private (ResponseScores Scores, AnomalyHeadPrediction? Head) Score(IReadOnlyList<ResponseItem> batch, ScoringOptions? options,
        bool withAnomalyHead, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) throw new ArgumentException("The batch is empty.", nameof(batch));
        options ??= new ScoringOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = batch.Select((item, i) => item?.Input ?? throw new ArgumentException($"Item {i} is null.", nameof(batch))).ToArray();
        var prepared = PreparedInputs.Prepare(Config, inputs, nameof(batch));
        int b = batch.Count;
        int tr = Math.Max(1, batch.Max(x => x.ResponseTokenIds?.Count ?? 0));
        var ids = new long[b * tr];
        var mask = new float[b * tr];
        for (int i = 0; i < b; i++)
        {
            var resp = batch[i].ResponseTokenIds ?? throw new ArgumentException($"Item {i} has no token list.", nameof(batch));
            int targetsCount = Config.Modality == InputModality.Image ? Config.VisionTokens : prepared.SeriesTokens[i];
            for (int t = 0; t < resp.Count; t++)
            {
                int id = resp[t];
                if (id < 0 || id >= Config.VocabSize + targetsCount)
                    throw new ArgumentException($"Item {i}, token {t}: id {id} is outside [0, {Config.VocabSize + targetsCount}) for this input.", nameof(batch));
                ids[i * tr + t] = id;
                mask[i * tr + t] = 1;
            }
        }
        var promptIds = inputs.Select(p => Tokenizer.Encode(p.Prompt)).ToArray();
        using var gradMode = options.WithGradients ? enable_grad() : no_grad();
        using var scope = NewDisposeScope();
        using var prefix = _network.EncodePrefix(prepared, promptIds);
        var idT = tensor(ids, [b, tr]);
        var maskT = tensor(mask, [b, tr]);
        var emb = _network.EmbedTokens(idT, prefix.Targets);
        var embeds = cat([prefix.Embeds, emb], 1);
        var valid = cat([prefix.Valid, maskT.to(@bool)], 1);
        var pos = ExplicitScalars.PositionsOf(valid);
        var hidden = _network.Decode(embeds, valid, pos, 0, null);
        long tp = prefix.Embeds.shape[1];
        var predicting = hidden[.., (int)(tp - 1)..(int)(tp - 1 + tr)];
        var logits = _network.Logits(predicting, prefix.Targets, prefix.TargetValid);
        if (options.Temperature != 1.0) logits = logits.DivideBy(options.Temperature);
        var logp = nn.functional.log_softmax(logits, -1);
        var tokenLogp = logp.gather(-1, idT.unsqueeze(-1)).squeeze(-1) * maskT;
        Tensor? entropy = null, states = null;
        if (options.ComputeEntropy)
            entropy = (-(logp.exp() * logp).sum(-1) * maskT).MoveToOuterDisposeScope();
        if (options.ReturnHiddenStates)
            states = (hidden[.., (int)tp..(int)(tp + tr)] * maskT.unsqueeze(-1)).detach().MoveToOuterDisposeScope();
        AnomalyHeadPrediction? head = null;
        if (withAnomalyHead)
            head = new AnomalyHeadPrediction(_network.AnomalyHead(prefix.Encoded).MoveToOuterDisposeScope(),
                prefix.EncodedValid.to(float32).MoveToOuterDisposeScope(), prepared.Ranges);
        cancellationToken.ThrowIfCancellationRequested();
        return (new ResponseScores(tokenLogp.MoveToOuterDisposeScope(), maskT.MoveToOuterDisposeScope(), entropy, states), head);
    }

    /// <inheritdoc/>
    public HiddenStateBatch TextHiddenStates(IReadOnlyList<string> texts, int maxLength = 512,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) throw new ArgumentException("At least one text is needed.", nameof(texts));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = texts.Select(t => Tokenizer.Encode(t).Take(maxLength).ToArray()).ToArray();
        int b = texts.Count, t = Math.Max(1, encoded.Max(e => e.Length));
        var ids = new long[b * t];
        var mask = new float[b * t];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < encoded[i].Length; j++) { ids[i * t + j] = encoded[i][j]; mask[i * t + j] = 1; }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var maskT = tensor(mask, [b, t]);
        var valid = maskT.to(@bool);
        var pos = ExplicitScalars.PositionsOf(valid);
        var hidden = _network.Decode(_network.EmbedText(tensor(ids, [b, t])), valid, pos, 0, null) * maskT.unsqueeze(-1);
        return new HiddenStateBatch(hidden.MoveToOuterDisposeScope(), maskT.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The auxiliary anomaly head on the encoded input tokens (visual strips, then series patches): per token a logit
    /// "this token's x-range holds an anomaly" and the start and end of the anomalous part as fractions of the range.
    /// </summary>
    /// <param name="inputs">The inputs, at least one.</param>
    /// <param name="withGradients">Whether the output carries gradients (joint SFT training).</param>
    /// <exception cref="ArgumentException">The list is empty or an input does not fit the model.</exception>
    public AnomalyHeadPrediction PredictAnomalyHead(IReadOnlyList<PolicyInput> inputs, bool withGradients = false)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0) throw new ArgumentException("At least one input is needed.", nameof(inputs));
        var prepared = PreparedInputs.Prepare(Config, inputs, nameof(inputs));
        using var gradMode = withGradients ? enable_grad() : no_grad();
        using var scope = NewDisposeScope();
        var (encoded, valid) = _network.EncodeInputs(prepared);
        var output = _network.AnomalyHead(encoded);
        return new AnomalyHeadPrediction(output.MoveToOuterDisposeScope(), valid.to(float32).MoveToOuterDisposeScope(), prepared.Ranges);
    }

    /// <summary>
    /// An independent copy with the same weights (for example the frozen reference policy of TimerPO's KL term, or the
    /// old policy); training either one leaves the other unchanged.
    /// </summary>
    public TinyPolicyModel Clone()
    {
        ThrowIfDisposed();
        var copy = new TinyPolicyModel(Config, Tokenizer);
        using var noGrad = no_grad();
        var source = TrainableParameters;
        var target = copy.TrainableParameters;
        for (int i = 0; i < source.Count; i++) target[i].copy_(source[i]);
        copy.SetTrainingMode(_network.training);
        return copy;
    }

    /// <summary>Saves the model as a checkpoint folder (see <see cref="PolicyCheckpoint.Save"/>).</summary>
    public void Save(string directory, string? trainingCard = null) => PolicyCheckpoint.Save(this, directory, trainingCard);

    /// <summary>Loads a checkpoint folder (see <see cref="PolicyCheckpoint.Load"/>).</summary>
    public static TinyPolicyModel Load(string directory) => PolicyCheckpoint.Load(directory);

    private int PrefixCapacityHint(IReadOnlyList<PolicyInput> prompts, int[][] promptIds)
    {
        int longest = 0;
        for (int i = 0; i < prompts.Count; i++)
        {
            int series = Config.Modality == InputModality.ImageAndSeries ? (prompts[i].SeriesLength + Config.SeriesPatchSize - 1) / Config.SeriesPatchSize : 0;
            longest = Math.Max(longest, Config.VisionTokens + series + 1 + promptIds[i].Length);
        }
        return longest;
    }

    private IReadOnlyList<TokenRange> TargetsOf(TokenRange[] ranges) =>
        Config.Modality == InputModality.Image ? ranges[..Config.VisionTokens] : ranges[Config.VisionTokens..];

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Disposes the network's tensors.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }
}
