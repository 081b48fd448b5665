namespace AnomSeer.ExpCoT.Detection;

/// <summary>Whether the expert detector smooths the series before the structural and discord scans.</summary>
public enum DenoiseMode
{
    /// <summary>Never smooth.</summary>
    Never = 0,

    /// <summary>Smooth when the estimated white-noise std (std of the second differences / √6) is at least
    /// <see cref="ExpertDetectorOptions.NoiseRatioThreshold"/> times the series std.</summary>
    Auto = 1,

    /// <summary>Always smooth.</summary>
    Always = 2,
}
