using AnomSeer.Metrics;
using AnomSeer.OptimalTransport;
using AnomSeer.Policy;

namespace AnomSeer.Training;

/// <summary>Everything a step computes before the update, one entry per response (ordered by prompt, then sample).</summary>
internal sealed class RolloutBatch
{
    public required IReadOnlyList<SampledResponse> Responses { get; init; }
    public required ResponseItem[] Items { get; init; }
    public required int[] GroupIds { get; init; }
    public required RewardBreakdown[] Rewards { get; init; }
    public float[][] OldLogProbs { get; set; } = [];
    public float[][]? ReferenceLogProbs { get; set; }
    public HiddenStates[] ResponseHidden { get; set; } = [];
    public HiddenStates[] ReferenceHidden { get; set; } = [];
    public int Count => Items.Length;
}
