namespace AnomSeer.Core.Tests;

/// <summary>
/// An independent numerical evaluation of the affiliation definitions (Huet et al., KDD 2022), written
/// from the definitions and sharing no code with <c>AnomSeer.Metrics</c>: zones from the mirrored
/// midpoints, the predicted set as raw (unmerged) intervals tested point by point, the inner
/// probabilities as lengths of sets, and the outer integrals by dense midpoint sampling.
/// </summary>
/// <remarks>
/// The sampling grid has step 1/<see cref="SamplesPerUnit"/> starting at a zone border or event start
/// (integers or half-integers). For integer intervals every breakpoint of the integrands lies on a
/// multiple of 1/4, hence on a cell border, so the midpoint rule is accurate to rounding; for other
/// inputs it converges as the step shrinks.
/// </remarks>
internal static class AffiliationBruteForce
{
    public const int SamplesPerUnit = 16;

    public sealed record Result(
        double Precision,
        double Recall,
        double[] PrecisionDistances,
        double[] RecallDistances,
        double[] Precisions,
        double[] Recalls);

    /// <param name="predicted">Any intervals inside the range, possibly overlapping and unsorted.</param>
    /// <param name="truth">Sorted intervals with gaps between them.</param>
    public static Result Evaluate((int Start, int End)[] predicted, (int Start, int End)[] truth, int rangeStart, int rangeEnd)
    {
        int n = truth.Length;
        var pd = new double[n];
        var rd = new double[n];
        var pp = new double[n];
        var rp = new double[n];
        double h = 1.0 / SamplesPerUnit;

        for (int j = 0; j < n; j++)
        {
            double a = truth[j].Start, b = truth[j].End;
            double previousStop = j == 0 ? 2.0 * rangeStart - a : truth[j - 1].End;
            double nextStart = j == n - 1 ? 2.0 * rangeEnd - b : truth[j + 1].Start;
            double zs = (previousStop + a) / 2, ze = (b + nextStart) / 2;
            double zoneLength = ze - zs;

            // Precision: sample the zone, keep the points covered by some prediction.
            double length = 0, distanceSum = 0, probabilitySum = 0;
            int cells = (int)Math.Round((ze - zs) * SamplesPerUnit);
            for (int k = 0; k < cells; k++)
            {
                double x = zs + (k + 0.5) * h;
                if (!IsPredicted(x, predicted))
                    continue;
                double d = Distance(x, a, b);
                // Fraction of the zone at distance >= d from the event.
                double survival = d == 0
                    ? 1.0
                    : (zoneLength - Overlap(zs, ze, a - d, b + d)) / zoneLength;
                length += h;
                distanceSum += h * d;
                probabilitySum += h * survival;
            }
            pd[j] = length == 0 ? double.NaN : distanceSum / length;
            pp[j] = length == 0 ? double.NaN : probabilitySum / length;

            // Recall: sample the event; distance to the prediction restricted to the zone.
            bool any = false;
            foreach (var (s, e) in predicted)
                any |= Math.Min(e, ze) > Math.Max(s, zs);
            if (!any)
            {
                rd[j] = double.PositiveInfinity;
                rp[j] = 0;
                continue;
            }
            double recallDistance = 0, recallProbability = 0;
            int eventCells = (int)Math.Round((b - a) * SamplesPerUnit);
            for (int k = 0; k < eventCells; k++)
            {
                double y = a + (k + 0.5) * h;
                double d = double.PositiveInfinity;
                foreach (var (s, e) in predicted)
                {
                    double lo = Math.Max(s, zs), hi = Math.Min(e, ze);
                    if (hi > lo)
                        d = Math.Min(d, Distance(y, lo, hi));
                }
                // Fraction of the zone at distance >= d from y.
                double survival = d == 0 ? 1.0 : (zoneLength - Overlap(zs, ze, y - d, y + d)) / zoneLength;
                recallDistance += h * d;
                recallProbability += h * survival;
            }
            rd[j] = recallDistance / (b - a);
            rp[j] = recallProbability / (b - a);
        }

        var defined = pp.Where(p => !double.IsNaN(p)).ToArray();
        double precision = defined.Length == 0 ? double.NaN : defined.Average();
        return new Result(precision, rp.Average(), pd, rd, pp, rp);
    }

    private static bool IsPredicted(double x, (int Start, int End)[] predicted)
    {
        foreach (var (s, e) in predicted)
        {
            if (x >= s && x < e)
                return true;
        }
        return false;
    }

    private static double Distance(double x, double lo, double hi) => Math.Max(0, Math.Max(lo - x, x - hi));

    private static double Overlap(double lo1, double hi1, double lo2, double hi2) =>
        Math.Max(0, Math.Min(hi1, hi2) - Math.Max(lo1, lo2));
}
