namespace AnomSeer;

/// <summary>
/// The anomaly classes of the AnomSeer answer format (method spec b.1, b.2). The canonical names that
/// appear in prompts and answers are given by <see cref="AnomalyClassNames"/>.
/// </summary>
public enum AnomalyClass
{
    /// <summary>No anomaly ("normal").</summary>
    Normal = 0,

    /// <summary>A point or short range far outside the global range of values ("global point").</summary>
    GlobalPoint = 1,

    /// <summary>A point that is unusual only relative to its neighbourhood ("contextual point").</summary>
    ContextualPoint = 2,

    /// <summary>A change of periodicity or frequency ("seasonal").</summary>
    Seasonal = 3,

    /// <summary>A change of trend or level slope ("trend").</summary>
    Trend = 4,

    /// <summary>A subsequence whose shape differs from the rest ("shapelet").</summary>
    Shapelet = 5,
}
