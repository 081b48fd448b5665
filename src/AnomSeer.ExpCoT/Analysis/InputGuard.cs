namespace AnomSeer.ExpCoT.Analysis;

/// <summary>Argument checks shared by the analyses.</summary>
internal static class InputGuard
{
    /// <summary>Throws unless every value is finite.</summary>
    public static void RequireFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Value at index {i} is {values[i]}; the analyses need finite values (build the TimeSeries with NonFiniteValuePolicy.Interpolate to fill gaps).", paramName);
        }
    }

    /// <summary>Throws unless the span has at least <paramref name="min"/> values.</summary>
    public static void RequireLength(ReadOnlySpan<double> values, int min, string paramName, string what)
    {
        if (values.Length < min)
            throw new ArgumentException($"{what} needs at least {min} values; got {values.Length}.", paramName);
    }
}
