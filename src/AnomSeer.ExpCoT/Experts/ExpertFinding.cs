namespace AnomSeer.ExpCoT.Experts;

/// <summary>
/// What one detector of method spec b.3 step 3 returns: its intervals, its evidence text and the numbers behind it.
/// </summary>
public sealed class ExpertFinding
{
    /// <summary>Creates a finding.</summary>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    public ExpertFinding(ExpertKind kind, IReadOnlyList<AnomalyInterval> intervals, string evidence,
        IReadOnlyDictionary<string, double> metrics, bool applicable = true)
    {
        Kind = kind;
        Intervals = intervals ?? throw new ArgumentNullException(nameof(intervals));
        Evidence = evidence ?? throw new ArgumentNullException(nameof(evidence));
        Metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        Applicable = applicable;
    }

    /// <summary>The detector that produced this finding.</summary>
    public ExpertKind Kind { get; }

    /// <summary>Detected half-open intervals, in order (empty when nothing was found).</summary>
    public IReadOnlyList<AnomalyInterval> Intervals { get; }

    /// <summary>The evidence sentence(s) of the detector, as written into the ExpCoT.</summary>
    public string Evidence { get; }

    /// <summary>
    /// The detector's statistics by name (for example <c>mean</c>, <c>std</c>, <c>gradient_std</c>, <c>discord_z</c>);
    /// all finite. The keys of each detector are listed on its class.
    /// </summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>
    /// <see langword="false"/> when the detector could not run (series shorter than it needs, too few valid
    /// periods); its evidence then says why and it has no intervals.
    /// </summary>
    public bool Applicable { get; }
}
