namespace AnomSeer.Policy;

/// <summary>A prompt with one given response, to be scored (log-probabilities, entropies, hidden states).</summary>
/// <param name="Input">The multimodal prompt.</param>
/// <param name="ResponseTokenIds">The response token ids (as returned by sampling or by <see cref="IPolicyModel.EncodeResponse"/>); may be empty.</param>
public sealed record ResponseItem(PolicyInput Input, IReadOnlyList<int> ResponseTokenIds);
