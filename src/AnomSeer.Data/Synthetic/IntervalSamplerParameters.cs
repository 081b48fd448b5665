namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Parameters of the AnomLLM interval sampler (method spec c.1, "shared interval sampler"): normal and
/// anomalous durations are exponential with the given means, floored at the given minima, then truncated to
/// integers; at most <see cref="MaxIntervals"/> intervals (null: no cap, as the freq generator's own loop).
/// </summary>
/// <param name="NormalMean">Mean of the exponential normal-stretch duration.</param>
/// <param name="AnomalyMean">Mean of the exponential anomaly duration.</param>
/// <param name="MinimumAnomaly">Floor of an anomaly duration.</param>
/// <param name="MinimumNormal">Floor of a normal-stretch duration.</param>
/// <param name="MaxIntervals">Cap on the number of intervals; <see langword="null"/> for none.</param>
public sealed record IntervalSamplerParameters(double NormalMean, double AnomalyMean, int MinimumAnomaly, int MinimumNormal, int? MaxIntervals = 8)
{
    /// <summary>Throws when a parameter is out of range.</summary>
    /// <param name="name">The option's name, used in the message.</param>
    /// <exception cref="ArgumentOutOfRangeException">A mean is not positive, a minimum is not positive or the cap is below 1.</exception>
    public void Validate(string name)
    {
        if (!(NormalMean > 0) || double.IsInfinity(NormalMean))
            throw new ArgumentOutOfRangeException(name, NormalMean, $"{name}.NormalMean must be positive and finite.");
        if (!(AnomalyMean > 0) || double.IsInfinity(AnomalyMean))
            throw new ArgumentOutOfRangeException(name, AnomalyMean, $"{name}.AnomalyMean must be positive and finite.");
        if (MinimumAnomaly < 1)
            throw new ArgumentOutOfRangeException(name, MinimumAnomaly, $"{name}.MinimumAnomaly must be at least 1.");
        if (MinimumNormal < 1)
            throw new ArgumentOutOfRangeException(name, MinimumNormal, $"{name}.MinimumNormal must be at least 1.");
        if (MaxIntervals is < 1)
            throw new ArgumentOutOfRangeException(name, MaxIntervals, $"{name}.MaxIntervals must be at least 1 or null.");
    }
}
