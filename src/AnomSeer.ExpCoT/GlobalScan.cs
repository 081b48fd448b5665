namespace AnomSeer.ExpCoT;

/// <summary>The first ("global") scan that decides whether a series goes to the range detector.</summary>
public enum GlobalScan
{
    /// <summary>Default, as the released code: route to the range detector when max |z| exceeds
    /// <see cref="ExpCotOptions.RangeRouteZThreshold"/> (spec b.3 step 2).</summary>
    MaxZScore = 0,

    /// <summary>
    /// Deviation (the paper's description, spec g.4): route to the range detector when HBOS flags at least one
    /// value as a detached outlier (<see cref="Analysis.Hbos.DetachedOutliers"/> with
    /// <see cref="ExpCotOptions.HbosBins"/> bins and <see cref="ExpCotOptions.HbosScoreThreshold"/>).
    /// </summary>
    Hbos = 1,
}
