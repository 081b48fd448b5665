namespace AnomSeer.ExpCoT.Experts;

/// <summary>The four detectors of method spec b.3 step 3, plus <see cref="None"/>.</summary>
public enum ExpertKind
{
    /// <summary>No detector ran (series shorter than <see cref="ExpCotOptions.MinimumSeriesLength"/>, or the
    /// expert detector found no evidence).</summary>
    None = 0,

    /// <summary>Global k-sigma range detector (class "global point").</summary>
    Range = 1,

    /// <summary>Smoothed-gradient trend detector (class "trend").</summary>
    Trend = 2,

    /// <summary>Sliding dominant-period frequency detector (class "seasonal").</summary>
    Frequency = 3,

    /// <summary>Matrix-profile discord detector (class "contextual point").</summary>
    Discord = 4,
}
