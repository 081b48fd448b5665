using AnomSeer.OptimalTransport;

namespace AnomSeer.Training;

/// <summary>Test hook payload: the inputs of the advantage computation of a step and the advantages fed to the loss.</summary>
internal sealed record AdvantageObservation(int[] GroupIds, double[] Rewards, HiddenStates[] ResponseHidden,
    HiddenStates[] ReferenceHidden, TimerPoAdvantageOptions Options, float[] AdvantagesFedToLoss);
