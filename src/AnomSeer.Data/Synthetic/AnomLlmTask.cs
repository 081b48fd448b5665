namespace AnomSeer.Data.Synthetic;

/// <summary>
/// The eight AnomLLM synthetic task folders that make up AnomSeer's training and in-domain test data
/// (method spec c.1). Canonical folder names come from <see cref="AnomLlmTaskNames"/>.
/// </summary>
public enum AnomLlmTask
{
    /// <summary><c>range</c>: i.i.d. N(0, 0.1) noise with out-of-range shifts.</summary>
    Range = 0,

    /// <summary><c>point</c>: a sine with intervals replaced by N(0, 0.5) noise.</summary>
    Point = 1,

    /// <summary><c>freq</c>: a sine whose frequency is tripled or divided by three in intervals.</summary>
    Freq = 2,

    /// <summary><c>trend</c>: a sine plus a piecewise-linear trend that steepens (slope 6–20) in an interval.</summary>
    Trend = 3,

    /// <summary><c>flat-trend</c>: as <see cref="Trend"/> with a milder abnormal slope (4.5–6).</summary>
    FlatTrend = 4,

    /// <summary><c>noisy-point</c>: <see cref="Point"/> plus N(0, 0.08) on every point.</summary>
    NoisyPoint = 5,

    /// <summary><c>noisy-freq</c>: <see cref="Freq"/> plus N(0, 0.08) on every point.</summary>
    NoisyFreq = 6,

    /// <summary><c>noisy-trend</c>: <see cref="Trend"/> plus N(0, 0.08) on every point.</summary>
    NoisyTrend = 7,
}
