namespace AnomSeer.Policy;

/// <summary>One sampled response.</summary>
/// <param name="PromptIndex">Index of its prompt in the request.</param>
/// <param name="SampleIndex">Index among the responses of that prompt (0 … n − 1).</param>
/// <param name="TokenIds">The generated token ids, including the end-of-sequence token when one was produced.</param>
/// <param name="LogProbs">Per-token log-probability of each generated token under the sampling distribution
/// (temperature-scaled, before top-p truncation); same length as <paramref name="TokenIds"/>.</param>
/// <param name="Text">The decoded text (end-of-sequence token removed; position tokens written as numbers).</param>
/// <param name="Finished">Whether generation stopped at the end-of-sequence token rather than at the token limit.</param>
public sealed record SampledResponse(int PromptIndex, int SampleIndex, IReadOnlyList<int> TokenIds,
    IReadOnlyList<float> LogProbs, string Text, bool Finished);
