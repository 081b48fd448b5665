using AnomSeer.Policy.Tiny.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AnomSeer.Policy.Tiny;

/// <summary>
/// The AnomSeer-Tiny network. Module field names are the checkpoint's tensor names.
/// Input encoder (bidirectional, no RoPE): column strips of the image and series patches, each plus an x-coordinate
/// embedding and a type embedding. Decoder (causal, RoPE, RMSNorm, SwiGLU): prefix = projected input tokens, BOS, prompt;
/// then the response. Output: text logits, then pointer logits over the input tokens' encodings.
/// </summary>
internal sealed class TinyPolicyNetwork : nn.Module
{
    private const float Masked = -1e9f;

    private readonly Linear strip_embed;
    private readonly Linear? patch_embed;
    private readonly Linear x_embed;
    private readonly Embedding type_embed;
    private readonly ModuleList<TransformerBlock> encoder;
    private readonly RmsNorm encoder_norm;
    private readonly Linear connector;
    private readonly Embedding tok_embed;
    private readonly Linear pointer_in;
    private readonly ModuleList<TransformerBlock> decoder;
    private readonly RmsNorm norm;
    private readonly Linear lm_head;
    private readonly Linear pointer_query;
    private readonly Linear pointer_key;
    private readonly Linear anomaly_head;

    public TinyPolicyNetwork(TinyPolicyConfig config) : base("anomseer_tiny")
    {
        Config = config;
        int d = config.ModelDim;
        strip_embed = nn.Linear(config.ImageChannels * config.ImageHeight * config.StripWidth, d);
        patch_embed = config.Modality == InputModality.ImageAndSeries ? nn.Linear(config.SeriesPatchSize, d) : null;
        x_embed = nn.Linear(PreparedInputs.XFeatureCount(config.XFrequencies), d);
        type_embed = nn.Embedding(2, d);
        encoder = new ModuleList<TransformerBlock>(Enumerable.Range(0, config.EncoderLayers)
            .Select(i => new TransformerBlock($"encoder.{i}", d, config.Heads, config.FfnDim, config.NormEpsilon)).ToArray());
        encoder_norm = new RmsNorm("encoder_norm", d, config.NormEpsilon);
        connector = nn.Linear(d, d);
        tok_embed = nn.Embedding(config.VocabSize, d);
        pointer_in = nn.Linear(d, d);
        decoder = new ModuleList<TransformerBlock>(Enumerable.Range(0, config.DecoderLayers)
            .Select(i => new TransformerBlock($"decoder.{i}", d, config.Heads, config.FfnDim, config.NormEpsilon)).ToArray());
        norm = new RmsNorm("norm", d, config.NormEpsilon);
        lm_head = nn.Linear(d, config.VocabSize, hasBias: false);
        pointer_query = nn.Linear(d, d, hasBias: false);
        pointer_key = nn.Linear(d, d, hasBias: false);
        anomaly_head = nn.Linear(d, 3);
        RegisterComponents();
        using (no_grad())
        {
            nn.init.normal_(tok_embed.weight!, 0, 0.02);
            nn.init.normal_(type_embed.weight!, 0, 0.02);
        }
    }

    public TinyPolicyConfig Config { get; }

    private int HeadDim => Config.ModelDim / Config.Heads;

    /// <summary>Runs the input encoder: <c>[B, N, D]</c> encodings after the encoder norm (zeros at padding) and their validity <c>[B, N]</c>.</summary>
    public (Tensor Encoded, Tensor Valid) EncodeInputs(PreparedInputs prepared)
    {
        using var scope = NewDisposeScope();
        var c = Config;
        int b = prepared.Count, nv = c.VisionTokens, ns = prepared.MaxSeriesTokens, n = nv + ns;
        int stripDim = c.ImageChannels * c.ImageHeight * c.StripWidth;
        var tokens = strip_embed.forward(tensor(prepared.Strips, [b, nv, stripDim]));
        tokens = tokens + type_embed.forward(zeros([b, nv], int64));
        var validRows = new bool[b * n];
        for (int i = 0; i < b; i++)
            for (int k = 0; k < nv + prepared.SeriesTokens[i]; k++) validRows[i * n + k] = true;
        var valid = tensor(validRows, [b, n]);
        if (ns > 0 && patch_embed is not null)
        {
            var series = patch_embed.forward(tensor(prepared.Patches, [b, ns, c.SeriesPatchSize]));
            series = series + type_embed.forward(ones([b, ns], int64));
            tokens = cat([tokens, series], 1);
        }
        tokens = tokens + x_embed.forward(tensor(prepared.XFeatures, [b, n, prepared.FeatureCount]));
        var allowed = valid.unsqueeze(1).unsqueeze(1).expand(b, 1, n, n).logical_or(eye(n, dtype: @bool).unsqueeze(0).unsqueeze(0));
        foreach (var block in encoder) tokens = block.Forward(tokens, null, allowed, null);
        var encoded = encoder_norm.forward(tokens) * valid.unsqueeze(-1).to(float32);
        return (encoded.MoveToOuterDisposeScope(), valid.MoveToOuterDisposeScope());
    }

    /// <summary>Encodes the inputs and builds the left-padded prefix <c>[input tokens, BOS, prompt]</c>.</summary>
    public EncodedPrefix EncodePrefix(PreparedInputs prepared, IReadOnlyList<int[]> promptIds)
    {
        using var scope = NewDisposeScope();
        var c = Config;
        int b = prepared.Count, nv = c.VisionTokens, d = c.ModelDim;
        var (encoded, valid) = EncodeInputs(prepared);
        var projected = connector.forward(encoded);

        // Pointer targets.
        Tensor targets, targetValid;
        var counts = new int[b];
        if (c.Modality == InputModality.Image)
        {
            targets = encoded[.., ..nv];
            targetValid = ones([b, nv], @bool);
            Array.Fill(counts, nv);
        }
        else
        {
            targets = encoded[.., nv..];
            targetValid = valid[.., nv..];
            for (int i = 0; i < b; i++) counts[i] = prepared.SeriesTokens[i];
        }

        // Left-padded prefix.
        var lengths = new long[b];
        for (int i = 0; i < b; i++) lengths[i] = nv + prepared.SeriesTokens[i] + 1 + promptIds[i].Length;
        long tp = lengths.Max();
        var rows = new List<Tensor>(b);
        var prefixValid = new bool[b * tp];
        for (int i = 0; i < b; i++)
        {
            int inputCount = nv + prepared.SeriesTokens[i];
            var ids = new long[promptIds[i].Length + 1];
            ids[0] = Tokenization.SpecialTokens.BeginOfSequenceId;
            for (int j = 0; j < promptIds[i].Length; j++) ids[j + 1] = promptIds[i][j];
            var text = tok_embed.forward(tensor(ids, [ids.Length]));
            long pad = tp - lengths[i];
            var parts = new List<Tensor>();
            if (pad > 0) parts.Add(zeros([pad, d]));
            parts.Add(projected[i, ..inputCount]);
            parts.Add(text);
            rows.Add(cat(parts, 0));
            for (long j = pad; j < tp; j++) prefixValid[i * tp + j] = true;
        }
        var embeds = stack(rows, 0);
        var result = new EncodedPrefix
        {
            Embeds = embeds.MoveToOuterDisposeScope(),
            Valid = tensor(prefixValid, [b, tp]).MoveToOuterDisposeScope(),
            Lengths = lengths,
            Encoded = encoded.MoveToOuterDisposeScope(),
            EncodedValid = valid.MoveToOuterDisposeScope(),
            Targets = targets.MoveToOuterDisposeScope(),
            TargetValid = targetValid.MoveToOuterDisposeScope(),
            TargetCounts = counts,
        };
        return result;
    }

    /// <summary>Embeds token ids <c>[B, T]</c>: text ids through the embedding, pointer ids from their target's encoding.</summary>
    public Tensor EmbedTokens(Tensor ids, Tensor targets)
    {
        using var scope = NewDisposeScope();
        long v = Config.VocabSize;
        var isPointer = ids.GreaterOrEqual(v);
        var text = tok_embed.forward(where(isPointer, zeros_like(ids), ids));
        if (!isPointer.any().item<bool>()) return text.MoveToOuterDisposeScope();
        long b = ids.shape[0], t = ids.shape[1], p = targets.shape[1], d = targets.shape[2];
        var idx = ids.Minus(v).Between(0, p - 1);
        var gathered = targets.gather(1, idx.unsqueeze(-1).expand(b, t, d));
        var pointer = pointer_in.forward(gathered);
        return where(isPointer.unsqueeze(-1), pointer, text).MoveToOuterDisposeScope();
    }

    /// <summary>Text-only token embeddings <c>[B, T, D]</c>.</summary>
    public Tensor EmbedText(Tensor ids) => tok_embed.forward(ids);

    /// <summary>
    /// Runs the decoder over <paramref name="embeds"/> <c>[B, T, D]</c> placed at columns <c>first … first + T − 1</c>, attending
    /// causally to every earlier column whose key is valid. Returns the final-norm hidden states <c>[B, T, D]</c>.
    /// </summary>
    /// <remarks><c>keyValid</c> is the <c>[B, first + T]</c> bool validity of every key column (cached and new);
    /// <c>positionIds</c> the <c>[B, T]</c> int64 RoPE positions; <c>caches</c> one cache per layer, or null.</remarks>
    public Tensor Decode(Tensor embeds, Tensor keyValid, Tensor positionIds, long first, IReadOnlyList<LayerCache>? caches)
    {
        using var scope = NewDisposeScope();
        long b = embeds.shape[0], t = embeds.shape[1], tk = keyValid.shape[1];
        var qCol = ExplicitScalars.Range(first, first + t).unsqueeze(1);
        var kCol = ExplicitScalars.Range(0, tk).unsqueeze(0);
        var causal = kCol.le(qCol);
        var allowed = causal.unsqueeze(0).logical_and(keyValid.unsqueeze(1)).logical_or(kCol.eq(qCol).unsqueeze(0)).unsqueeze(1);
        var rope = Rotary.Tables(positionIds, HeadDim, Config.RopeTheta);
        var h = embeds;
        for (int i = 0; i < decoder.Count; i++) h = decoder[i].Forward(h, rope, allowed, caches?[i]);
        return norm.forward(h).MoveToOuterDisposeScope();
    }

    /// <summary>Logits <c>[B, T, V + PointerSlots]</c>: text logits, then pointer logits (masked where no target).</summary>
    public Tensor Logits(Tensor hidden, Tensor targets, Tensor targetValid)
    {
        using var scope = NewDisposeScope();
        return LogitsWithKeys(hidden, PointerKeys(targets), targetValid).MoveToOuterDisposeScope();
    }

    /// <summary>The pointer keys <c>W_k E</c> <c>[B, P, D]</c> of the targets (constant during generation).</summary>
    public Tensor PointerKeys(Tensor targets) => pointer_key.forward(targets);

    /// <summary><see cref="Logits"/> with precomputed <see cref="PointerKeys"/>.</summary>
    public Tensor LogitsWithKeys(Tensor hidden, Tensor keys, Tensor targetValid)
    {
        using var scope = NewDisposeScope();
        var text = lm_head.forward(hidden);
        var q = pointer_query.forward(hidden);
        var pointer = matmul(q, keys.transpose(1, 2)).DivideBy(Math.Sqrt(Config.ModelDim));
        pointer = pointer.FillWhere(targetValid.logical_not().unsqueeze(1), Masked);
        long missing = Config.PointerSlots - pointer.shape[2];
        if (missing > 0)
            pointer = cat([pointer, ExplicitScalars.Full([pointer.shape[0], pointer.shape[1], missing], Masked)], 2);
        return cat([text, pointer], 2).MoveToOuterDisposeScope();
    }

    /// <summary>The auxiliary anomaly head on the encoded input tokens: <c>[B, N, 3]</c> (logit, start, end fractions).</summary>
    public Tensor AnomalyHead(Tensor encoded) => anomaly_head.forward(encoded);
}
