namespace AnomSeer.Metrics.Affiliation;

/// <summary>
/// The individual affiliation precision of one zone, by exact piecewise integration.
/// </summary>
/// <remarks>
/// For a zone <c>E = [e0, e1)</c> around the event <c>J = [a, b)</c>, the survival function of the
/// distance from a uniform point of the zone to the event is, for <c>d &gt; 0</c>,
/// <c>F̄(d) = (max(0, (a − e0) − d) + max(0, (e1 − b) − d)) / |E|</c>, and <c>F̄(0) = 1</c>.
/// The individual precision is the mean of <c>F̄(dist(x, J))</c> over the predicted points <c>x</c> of the
/// zone. Left of the event, <c>d = a − x</c> and <c>|E|·F̄ = (x − e0) + max(0, x − (a + b − e1))</c>;
/// inside, <c>|E|·F̄ = |E|</c>; right of it, <c>d = x − b</c> and
/// <c>|E|·F̄ = (e1 − x) + max(0, (a + b − e0) − x)</c>. Each part is a clipped linear function, integrated
/// in closed form.
/// </remarks>
internal static class PrecisionIntegral
{
    /// <summary>
    /// Computes the mean distance to the event and the individual precision over the predicted
    /// intervals <paramref name="predictions"/> (sorted, disjoint), clipped to the zone.
    /// </summary>
    /// <returns>False, with both outputs NaN, when no prediction has positive length inside the zone.</returns>
    public static bool Compute(in AffiliationZone zone, ReadOnlySpan<AnomalyInterval> predictions, out double meanDistance, out double probability)
    {
        double e0 = zone.ZoneStart, e1 = zone.ZoneEnd, a = zone.EventStart, b = zone.EventEnd;
        double zoneLength = zone.ZoneLength;
        double leftKink = a + b - e1;
        double rightKink = a + b - e0;
        double length = 0, distance = 0, scaledProbability = 0;

        foreach (var piece in predictions)
        {
            double u = Math.Max(piece.Start, e0), v = Math.Min(piece.End, e1);
            if (v <= u)
                continue;
            length += v - u;

            double leftEnd = Math.Min(v, a);
            if (u < leftEnd)
            {
                distance += LinearIntegrals.OfFall(a, u, leftEnd);
                scaledProbability += LinearIntegrals.OfRise(e0, u, leftEnd) + LinearIntegrals.OfPositiveRise(leftKink, u, leftEnd);
            }

            double inside = Math.Min(v, b) - Math.Max(u, a);
            if (inside > 0)
                scaledProbability += inside * zoneLength;

            double rightStart = Math.Max(u, b);
            if (rightStart < v)
            {
                distance += LinearIntegrals.OfRise(b, rightStart, v);
                scaledProbability += LinearIntegrals.OfFall(e1, rightStart, v) + LinearIntegrals.OfPositiveFall(rightKink, rightStart, v);
            }
        }

        if (length <= 0)
        {
            meanDistance = double.NaN;
            probability = double.NaN;
            return false;
        }

        meanDistance = distance / length;
        probability = scaledProbability / (zoneLength * length);
        return true;
    }
}
