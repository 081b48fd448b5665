namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>Column names of <see cref="TimerPoAdvantageEstimator"/>; the defaults are the property names.</summary>
public sealed record TimerPoAdvantageColumnNames
{
    /// <summary>Input: the group's rewards, a numeric vector of n values.</summary>
    public string Rewards { get; init; } = "Rewards";

    /// <summary>Input: the n responses' hidden states concatenated row-major (Σ T_r × D values).</summary>
    public string ResponseHidden { get; init; } = "ResponseHidden";

    /// <summary>Input: the n responses' token counts T_r (whole numbers).</summary>
    public string ResponseTokenCounts { get; init; } = "ResponseTokenCounts";

    /// <summary>Input: the reference (ExpCoT) hidden states, row-major (T_e × D values).</summary>
    public string ReferenceHidden { get; init; } = "ReferenceHidden";

    /// <summary>Output: the n final advantages (vector of double).</summary>
    public string Advantages { get; init; } = "Advantages";

    /// <summary>Output: the n transport costs W (vector of double).</summary>
    public string TransportCosts { get; init; } = "TransportCosts";

    /// <summary>Output: the n similarities s (vector of double).</summary>
    public string Similarities { get; init; } = "Similarities";
}
