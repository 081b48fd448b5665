namespace AnomSeer.Data.Synthetic;

/// <summary>The five univariate anomaly types of the VisualTimeAnomaly-style suite (method spec c.2).</summary>
public enum VtaType
{
    /// <summary><c>global</c>: point outliers beyond the global range (class global point).</summary>
    Global = 0,

    /// <summary><c>contextual</c>: point outliers within the global range but off their context (class contextual point).</summary>
    Contextual = 1,

    /// <summary><c>seasonal</c>: windows where the sine runs at three times the frequency (class seasonal).</summary>
    Seasonal = 2,

    /// <summary><c>trend</c>: windows with a ramp and a persistent level shift after them (class trend).</summary>
    Trend = 3,

    /// <summary><c>shapelet</c>: windows replaced by a square-like wave (class shapelet).</summary>
    Shapelet = 4,
}
