using AnomSeer.Policy.QwenVL.Modeling;
using static TorchSharp.torch;

namespace AnomSeer.Policy.QwenVL;

public sealed partial class QwenVLPolicy
{
    /// <summary>
    /// Teacher-forced log-probabilities of the responses after their prompts (one right-padded batch, positions from
    /// <c>get_rope_index</c> over prompt + response, spec §6.7), optionally with entropies and the final-layer hidden
    /// states of the response tokens.
    /// </summary>
    /// <inheritdoc/>
    public ResponseScores ScoreResponses(IReadOnlyList<ResponseItem> batch, ScoringOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) throw new ArgumentException("The batch is empty.", nameof(batch));
        options ??= new ScoringOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        int b = batch.Count, vocab = Config.Text.VocabSize;
        var prepared = new PreparedPrompt[b];
        for (int i = 0; i < b; i++)
        {
            var item = batch[i] ?? throw new ArgumentException($"Item {i} is null.", nameof(batch));
            var resp = item.ResponseTokenIds ?? throw new ArgumentException($"Item {i} has no token list.", nameof(batch));
            for (int t = 0; t < resp.Count; t++)
                if (resp[t] < 0 || resp[t] >= vocab)
                    throw new ArgumentException($"Item {i}, token {t}: id {resp[t]} is outside [0, {vocab}).", nameof(batch));
            prepared[i] = Prepare(item.Input, nameof(batch));
        }
        int tr = Math.Max(1, batch.Max(x => x.ResponseTokenIds.Count));
        int length = Enumerable.Range(0, b).Max(i => prepared[i].Ids.Length + batch[i].ResponseTokenIds.Count);
        var rows = new int[b][];
        var valid = new bool[b][];
        var ids = new long[b * tr];
        var mask = new float[b * tr];
        var predictAt = new long[b * tr];
        var tokenAt = new long[b * tr];
        for (int i = 0; i < b; i++)
        {
            var resp = batch[i].ResponseTokenIds;
            int p = prepared[i].Ids.Length, real = p + resp.Count;
            rows[i] = [.. prepared[i].Ids, .. resp, .. Enumerable.Repeat(Generation.PadTokenId, length - real)];
            valid[i] = [.. Enumerable.Repeat(true, real), .. Enumerable.Repeat(false, length - real)];
            for (int t = 0; t < tr; t++)
            {
                bool on = t < resp.Count;
                ids[i * tr + t] = on ? resp[t] : 0;
                mask[i * tr + t] = on ? 1 : 0;
                predictAt[i * tr + t] = on ? p - 1 + t : p - 1;
                tokenAt[i * tr + t] = on ? p + t : p - 1;
            }
        }
        ApplyAdapterMode();
        using var gradMode = options.WithGradients ? enable_grad() : no_grad();
        using var scope = NewDisposeScope();
        var device = ModelDevice;
        var pixels = tensor(prepared.SelectMany(p => p.PixelValues).ToArray(),
            [prepared.Sum(p => (long)p.Grid.Patches), prepared[0].PixelValues.Length / prepared[0].Grid.Patches]);
        var (hidden, _) = QwenVLForward.Full(_network, rows, valid, pixels, prepared.Select(p => p.Grid).ToArray(), null,
            prepared.Select(p => p.Ids.Length).ToArray());
        long h = hidden.shape[2];
        var predictIndex = tensor(predictAt, [b, tr], device: device).unsqueeze(-1).expand(b, tr, h);
        var predicting = hidden.gather(1, predictIndex);
        var logits = _network.Logits(predicting).to(float32);
        if (options.Temperature != 1.0) logits = logits / options.Temperature;
        var logp = nn.functional.log_softmax(logits, -1);
        var idT = tensor(ids, [b, tr], device: device);
        var maskT = tensor(mask, [b, tr], device: device);
        var tokenLogp = logp.gather(-1, idT.unsqueeze(-1)).squeeze(-1) * maskT;
        Tensor? entropy = null, states = null;
        if (options.ComputeEntropy)
            entropy = (-(logp.exp() * logp).sum(-1) * maskT).MoveToOuterDisposeScope();
        if (options.ReturnHiddenStates)
        {
            var tokenIndex = tensor(tokenAt, [b, tr], device: device).unsqueeze(-1).expand(b, tr, h);
            states = (hidden.gather(1, tokenIndex).to(float32) * maskT.unsqueeze(-1)).detach().MoveToOuterDisposeScope();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new ResponseScores(tokenLogp.MoveToOuterDisposeScope(), maskT.MoveToOuterDisposeScope(), entropy, states);
    }

    /// <summary>Final-layer hidden states of plain texts (no template, no image), truncated, one right-padded batch.</summary>
    /// <inheritdoc/>
    public HiddenStateBatch TextHiddenStates(IReadOnlyList<string> texts, int maxLength = 512, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) throw new ArgumentException("At least one text is needed.", nameof(texts));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = texts.Select(t => Tokenizer.Encode(t ?? "").Take(maxLength).ToArray()).ToArray();
        int b = texts.Count, length = Math.Max(1, encoded.Max(e => e.Length));
        var rows = encoded.Select(e => (IReadOnlyList<int>)[.. e, .. Enumerable.Repeat(Generation.PadTokenId, length - e.Length)]).ToArray();
        var valid = encoded.Select(e => (IReadOnlyList<bool>)[.. Enumerable.Repeat(true, e.Length), .. Enumerable.Repeat(false, length - e.Length)]).ToArray();
        ApplyAdapterMode();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (hidden, _) = QwenVLForward.Full(_network, rows, valid, null, [], null);
        var maskT = tensor(valid.SelectMany(v => v).Select(x => x ? 1f : 0f).ToArray(), [b, length], device: ModelDevice);
        var states = hidden.to(float32) * maskT.unsqueeze(-1);
        return new HiddenStateBatch(states.MoveToOuterDisposeScope(), maskT.MoveToOuterDisposeScope());
    }
}
