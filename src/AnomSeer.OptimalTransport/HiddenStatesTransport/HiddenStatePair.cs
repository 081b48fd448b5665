namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>
/// One transport problem given by hidden states (spec b.5): the response tokens (rows of the plan) and the
/// reference (ExpCoT) tokens (columns), of the same dimension. Either side may be empty (then W = 1.0).
/// </summary>
/// <param name="Response">The response tokens <c>H_r</c>, <c>T_r × D</c>.</param>
/// <param name="Reference">The reference tokens <c>H_e</c>, <c>T_e × D</c>.</param>
public readonly record struct HiddenStatePair(HiddenStates Response, HiddenStates Reference);
