namespace AnomSeer.Policy.Tiny;

/// <summary>The half-open x-range <c>[Start, End)</c> of time indices an input token covers (fractional for image strips).</summary>
/// <param name="Start">First time index covered (inclusive).</param>
/// <param name="End">End of the range (exclusive).</param>
public readonly record struct TokenRange(double Start, double End)
{
    /// <summary>Width of the range.</summary>
    public double Width => End - Start;
}
