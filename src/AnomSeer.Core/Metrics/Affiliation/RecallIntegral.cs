namespace AnomSeer.Metrics.Affiliation;

/// <summary>
/// The individual affiliation recall of one zone, by exact piecewise integration.
/// </summary>
/// <remarks>
/// For a zone <c>E = [e0, e1)</c> around the event <c>J = [a, b)</c> and the predicted set <c>I</c> inside
/// the zone, the individual recall is the mean over <c>y ∈ J</c> of
/// <c>P_{X~U(E)}(|y − X| ≥ d(y)) = 1 − (min(e1, y + d(y)) − max(e0, y − d(y))) / |E|</c>, with
/// <c>d(y) = dist(y, I)</c>. The distance <c>d</c> is piecewise linear: 0 on a predicted piece; between
/// two pieces <c>[p_k, q_k)</c> and <c>[p_{k+1}, q_{k+1})</c> it rises as <c>y − q_k</c> up to their midpoint
/// and falls as <c>p_{k+1} − y</c> after it; before the first piece it is <c>p_1 − y</c> and after the last
/// <c>y − q_m</c>. The event is split at these breakpoints, and on each part the integrand is a clipped
/// linear function, integrated in closed form.
/// </remarks>
internal static class RecallIntegral
{
    /// <summary>
    /// Computes the mean distance from the event to the predicted intervals <paramref name="predictions"/>
    /// (sorted, disjoint; clipped to the zone) and the individual recall.
    /// </summary>
    /// <returns>False, with distance +∞ and recall 0, when no prediction has positive length inside the zone.</returns>
    public static bool Compute(in AffiliationZone zone, ReadOnlySpan<AnomalyInterval> predictions, out double meanDistance, out double probability)
    {
        var state = new Accumulator(zone);
        double previousEnd = double.NaN;
        bool any = false;

        foreach (var piece in predictions)
        {
            double p = Math.Max(piece.Start, zone.ZoneStart), q = Math.Min(piece.End, zone.ZoneEnd);
            if (q <= p)
                continue;
            if (!any)
            {
                state.AddFalling(double.NegativeInfinity, p, p);
                any = true;
            }
            else
            {
                double middle = (previousEnd + p) / 2.0;
                state.AddRising(previousEnd, middle, previousEnd);
                state.AddFalling(middle, p, p);
            }
            state.AddCovered(p, q);
            previousEnd = q;
        }

        if (!any)
        {
            meanDistance = double.PositiveInfinity;
            probability = 0.0;
            return false;
        }

        state.AddRising(previousEnd, double.PositiveInfinity, previousEnd);
        meanDistance = state.Distance / zone.EventLength;
        probability = state.Probability / zone.EventLength;
        return true;
    }

    /// <summary>Sums the distance and recall integrands over the parts of the event.</summary>
    private struct Accumulator(AffiliationZone zone)
    {
        private readonly AffiliationZone _zone = zone;

        /// <summary><c>∫_J d(y) dy</c> so far.</summary>
        public double Distance;

        /// <summary><c>∫_J P(|y − X| ≥ d(y)) dy</c> so far.</summary>
        public double Probability;

        /// <summary>The part of the event inside <c>[from, to]</c>, where <c>d(y) = 0</c>.</summary>
        public void AddCovered(double from, double to)
        {
            double u = Math.Max(from, _zone.EventStart), v = Math.Min(to, _zone.EventEnd);
            if (u < v)
                Probability += v - u;
        }

        /// <summary>The part of the event inside <c>[from, to]</c>, where <c>d(y) = p − y</c>.</summary>
        public void AddFalling(double from, double to, double p)
        {
            double u = Math.Max(from, _zone.EventStart), v = Math.Min(to, _zone.EventEnd);
            if (u >= v)
                return;
            Distance += LinearIntegrals.OfFall(p, u, v);
            // y + d = p <= e1; y − d = 2y − p.
            double covered = (v - u) * p - LinearIntegrals.OfMaxWithDoubleRise(_zone.ZoneStart, p, u, v);
            Probability += (v - u) - covered / _zone.ZoneLength;
        }

        /// <summary>The part of the event inside <c>[from, to]</c>, where <c>d(y) = y − q</c>.</summary>
        public void AddRising(double from, double to, double q)
        {
            double u = Math.Max(from, _zone.EventStart), v = Math.Min(to, _zone.EventEnd);
            if (u >= v)
                return;
            Distance += LinearIntegrals.OfRise(q, u, v);
            // y − d = q >= e0; y + d = 2y − q.
            double covered = LinearIntegrals.OfMinWithDoubleRise(_zone.ZoneEnd, q, u, v) - (v - u) * q;
            Probability += (v - u) - covered / _zone.ZoneLength;
        }
    }
}
