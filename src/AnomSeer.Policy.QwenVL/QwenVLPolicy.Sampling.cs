using AnomSeer.Policy.QwenVL.Modeling;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL;

public sealed partial class QwenVLPolicy
{
    /// <summary>
    /// Samples <see cref="SamplingOptions.ResponsesPerPrompt"/> responses per prompt with KV-cached decoding. Each prompt
    /// is prefilled once (image encoded once) and its cache repeated for its responses. Generation stops at
    /// <c>&lt;|im_end|&gt;</c> or any end-of-sequence id of the generation config. RL settings by default: temperature
    /// and top-p from <paramref name="options"/>, no top-k and no repetition penalty unless <see cref="Options"/> asks.
    /// With <see cref="SamplingOptions.UseKeyValueCache"/> false, every step reruns the whole model over the sequence
    /// (a slow check of the cache).
    /// </summary>
    /// <inheritdoc/>
    public IReadOnlyList<SampledResponse> Sample(IReadOnlyList<PolicyInput> prompts, SamplingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(prompts);
        if (prompts.Count == 0) throw new ArgumentException("At least one prompt is needed.", nameof(prompts));
        options ??= new SamplingOptions();
        options.Validate();
        var prepared = prompts.Select(p => Prepare(p, nameof(prompts))).ToArray();
        ApplyAdapterMode();
        var result = new List<SampledResponse>(prompts.Count * options.ResponsesPerPrompt);
        using var noGrad = no_grad();
        for (int i = 0; i < prompts.Count; i++)
            result.AddRange(SamplePrompt(i, prompts[i], prepared[i], options, cancellationToken));
        return result;
    }

    private IEnumerable<SampledResponse> SamplePrompt(int promptIndex, PolicyInput input, PreparedPrompt prompt, SamplingOptions options,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int n = options.ResponsesPerPrompt, promptLength = prompt.Ids.Length;
        var tokens = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var logps = Enumerable.Range(0, n).Select(_ => new List<float>()).ToArray();
        var finished = new bool[n];
        var fed = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        var rngs = Enumerable.Range(0, n).Select(j => new Random(unchecked(options.Seed * 1_000_003 + promptIndex * 7_919 + j))).ToArray();
        using var cache = new KvCache(Config.Text.NumHiddenLayers, promptLength + options.MaxNewTokens);
        long[] deltas;
        float[] last;
        int vocab = Config.Text.VocabSize;
        using (var scope = NewDisposeScope())
        {
            var pixels = tensor(prompt.PixelValues, [prompt.Grid.Patches, prompt.PixelValues.Length / prompt.Grid.Patches]);
            var (hidden, d) = QwenVLForward.Full(_network, [prompt.Ids], null, pixels, [prompt.Grid], options.UseKeyValueCache ? cache : null);
            cache.SelectRows(zeros([n], int64, ModelDevice));
            deltas = Enumerable.Repeat(d[0], n).ToArray();
            var logits = _network.Logits(hidden[.., -1]).to(float32).cpu();
            last = logits.repeat(n, 1).contiguous().data<float>().ToArray();
        }
        for (int t = 0; t < options.MaxNewTokens; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new long[n];
            for (int r = 0; r < n; r++)
            {
                if (finished[r]) { next[r] = _imEnd; continue; }
                var row = last.AsSpan(r * vocab, vocab);
                TokenSampling.Penalize(row, prompt.Ids.Concat(tokens[r]), Options.RepetitionPenalty);
                var lp = TokenSampling.LogSoftmax(row, options.Temperature);
                int id = options.Temperature == 0 ? TokenSampling.ArgMax(row) : TokenSampling.Draw(lp, Options.TopK, options.TopP, rngs[r]);
                tokens[r].Add(id);
                logps[r].Add((float)lp[id]);
                next[r] = id;
                if (_stopIds.Contains(id)) finished[r] = true;
            }
            if (finished.All(f => f) || t == options.MaxNewTokens - 1) break;
            using var scope = NewDisposeScope();
            if (options.UseKeyValueCache)
            {
                var valid = ones([n, promptLength + t + 1], @bool, ModelDevice);
                var h = QwenVLForward.Step(_network, next, deltas, valid, cache);
                last = _network.Logits(h[.., 0]).to(float32).cpu().contiguous().data<float>().ToArray();
            }
            else
            {
                for (int r = 0; r < n; r++) fed[r].Add((int)next[r]);
                var rows = fed.Select(f => (IReadOnlyList<int>)[.. prompt.Ids, .. f]).ToArray();
                var pixels = tensor(prompt.PixelValues, [prompt.Grid.Patches, prompt.PixelValues.Length / prompt.Grid.Patches]).repeat(n, 1);
                var (h, _) = QwenVLForward.Full(_network, rows, null, pixels, Enumerable.Repeat(prompt.Grid, n).ToArray(), null,
                    Enumerable.Repeat(promptLength, n).ToArray());
                last = _network.Logits(h[.., -1]).to(float32).cpu().contiguous().data<float>().ToArray();
            }
        }
        for (int r = 0; r < n; r++)
        {
            var ids = tokens[r];
            var textIds = finished[r] ? ids.Take(ids.Count - 1) : ids;
            yield return new SampledResponse(promptIndex, r, [.. ids], [.. logps[r]], Tokenizer.Decode(textIds), finished[r]);
        }
    }
}
