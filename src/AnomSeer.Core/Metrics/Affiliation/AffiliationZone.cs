namespace AnomSeer.Metrics.Affiliation;

/// <summary>
/// One ground-truth event <c>J = [EventStart, EventEnd)</c> and its affiliation zone
/// <c>E = [ZoneStart, ZoneEnd)</c>, with <c>ZoneStart &lt;= EventStart &lt; EventEnd &lt;= ZoneEnd</c>.
/// </summary>
/// <remarks>
/// The zone of event <c>j</c> runs from the midpoint between the end of event <c>j − 1</c> and the start
/// of event <c>j</c> to the midpoint between the end of event <c>j</c> and the start of event <c>j + 1</c>.
/// At the borders the missing neighbour is mirrored against the range: the generalised end of event
/// −1 is <c>2·rangeStart − J_0.Start</c> and the generalised start of event <c>n</c> is
/// <c>2·rangeEnd − J_{n−1}.End</c>, so the zones partition <c>[rangeStart, rangeEnd)</c>.
/// </remarks>
internal readonly record struct AffiliationZone(double ZoneStart, double ZoneEnd, double EventStart, double EventEnd)
{
    /// <summary>Length of the zone, <c>|E|</c>.</summary>
    public double ZoneLength => ZoneEnd - ZoneStart;

    /// <summary>Length of the event, <c>|J|</c>.</summary>
    public double EventLength => EventEnd - EventStart;

    /// <summary>The zone of event <paramref name="index"/> among the sorted, disjoint <paramref name="events"/>.</summary>
    public static AffiliationZone Of(ReadOnlySpan<AnomalyInterval> events, int index, int rangeStart, int rangeEnd)
    {
        var ev = events[index];
        double previousEnd = index == 0 ? 2.0 * rangeStart - ev.Start : events[index - 1].End;
        double nextStart = index == events.Length - 1 ? 2.0 * rangeEnd - ev.End : events[index + 1].Start;
        return new AffiliationZone(
            (previousEnd + ev.Start) / 2.0,
            (ev.End + nextStart) / 2.0,
            ev.Start,
            ev.End);
    }
}
