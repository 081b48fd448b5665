using static TorchSharp.torch;

namespace AnomSeer.Policy;

/// <summary>
/// A policy for TimerPO and SFT: a multimodal model that reads a plot (and optionally the series) with the AnomSeer
/// prompt and writes <c>&lt;think&gt;…&lt;/think&gt;\n&lt;answer&gt;[[s, e], …]&lt;/answer&gt;\n&lt;class&gt;…&lt;/class&gt;</c>.
/// The compact <see cref="Tiny.TinyPolicyModel"/> implements it; a large backbone can implement it later.
/// </summary>
/// <remarks>
/// Batches are padded internally: responses on the right, prefixes on the left, with masks so that padding never changes
/// a result. Token ids are the model's own: text tokens and, for models with a pointer head, position tokens
/// (<see cref="EncodeResponse"/> and <see cref="DecodeResponse"/> convert between text and ids).
/// </remarks>
public interface IPolicyModel : IDisposable
{
    /// <summary>The input modality the model was built for.</summary>
    InputModality Modality { get; }

    /// <summary>Width D of the final-layer hidden states.</summary>
    int HiddenSize { get; }

    /// <summary>The end-of-sequence token id that ends a response.</summary>
    int EndOfSequenceId { get; }

    /// <summary>The trainable parameters (for an optimiser).</summary>
    IReadOnlyList<TorchSharp.Modules.Parameter> TrainableParameters { get; }

    /// <summary>Switches dropout-like behaviour on (<c>true</c>) or off. The compact model has none; kept for backbones.</summary>
    void SetTrainingMode(bool training);

    /// <summary>Samples <see cref="SamplingOptions.ResponsesPerPrompt"/> responses per prompt, without gradients.</summary>
    /// <param name="prompts">The prompts, at least one.</param>
    /// <param name="options">Sampling options; null for the defaults.</param>
    /// <param name="cancellationToken">Checked between generated tokens.</param>
    /// <returns>Responses ordered by prompt, then by sample index.</returns>
    /// <exception cref="ArgumentException">An input does not fit the model (image size, missing series).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    IReadOnlyList<SampledResponse> Sample(IReadOnlyList<PolicyInput> prompts, SamplingOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Per-token log-probabilities of given responses (teacher forcing), with or without gradients, and optionally the
    /// per-token entropies and the final-layer hidden states at the response tokens (method spec b.5 step 1).
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, or an input or a token id does not fit the model.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    ResponseScores ScoreResponses(IReadOnlyList<ResponseItem> batch, ScoringOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Final-layer hidden states of text-only inputs: no image, no series, no prompt, the plain tokenizer, truncated to
    /// <paramref name="maxLength"/> tokens (method spec b.5 step 2, the ExpCoT side), without gradients.
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    HiddenStateBatch TextHiddenStates(IReadOnlyList<string> texts, int maxLength = 512,
        CancellationToken cancellationToken = default);

    /// <summary>The token ids of a response text for <paramref name="input"/> (interval numbers as position tokens where the
    /// model has a pointer head), ending with the end-of-sequence token when <paramref name="appendEndOfSequence"/>.</summary>
    IReadOnlyList<int> EncodeResponse(PolicyInput input, string responseText, bool appendEndOfSequence = true);

    /// <summary>The text of response token ids for <paramref name="input"/>; never throws on unknown ids (they decode to nothing).</summary>
    string DecodeResponse(PolicyInput input, IReadOnlyList<int> tokenIds);
}
