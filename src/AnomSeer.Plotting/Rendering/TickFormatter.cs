using System.Globalization;

namespace AnomSeer.Plotting.Rendering;

/// <summary>
/// Formats tick values like matplotlib's default formatter for ordinary magnitudes: the fewest decimals that show every
/// tick exactly, invariant culture, and the typographic minus sign U+2212.
/// </summary>
internal static class TickFormatter
{
    internal const char MinusSign = '\u2212';

    internal static string[] Format(IReadOnlyList<double> ticks)
    {
        int decimals = 0;
        double maxAbs = 0;
        foreach (double t in ticks) maxAbs = Math.Max(maxAbs, Math.Abs(t));
        bool scientific = maxAbs >= 1e7 || (maxAbs > 0 && maxAbs < 1e-5);
        if (!scientific)
        {
            double tol = Math.Max(maxAbs, 1) * 1e-9;
            while (decimals < 10 && !AllExact(ticks, decimals, tol)) decimals++;
        }
        var labels = new string[ticks.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            double v = ticks[i];
            string s = scientific ? v.ToString("0.###e+0", CultureInfo.InvariantCulture)
                                  : v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (IsNegativeZero(s)) s = s[1..];
            labels[i] = s.Replace('-', MinusSign);
        }
        return labels;
    }

    private static bool AllExact(IReadOnlyList<double> ticks, int decimals, double tol)
    {
        foreach (double t in ticks)
            if (Math.Abs(Math.Round(t, decimals, MidpointRounding.AwayFromZero) - t) > tol) return false;
        return true;
    }

    private static bool IsNegativeZero(string s) =>
        s.StartsWith('-') && s.AsSpan(1).Trim("0.").IsEmpty;
}
