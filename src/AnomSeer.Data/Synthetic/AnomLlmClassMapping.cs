namespace AnomSeer.Data.Synthetic;

/// <summary>How AnomLLM task folders are mapped to AnomSeer anomaly classes (method spec b.2, g.6).</summary>
public enum AnomLlmClassMapping
{
    /// <summary>
    /// Default, the fixed mapping: range → global point, point and noisy-point → contextual point, freq and
    /// noisy-freq → seasonal, trend, noisy-trend and flat-trend → trend; a series with no interval → normal.
    /// </summary>
    Corrected = 0,

    /// <summary>
    /// Reproduces the released AnomSeer code (<c>anom.py::map_task_to_anomaly</c>), which misspells the
    /// noisy folder names and lacks flat-trend: noisy-point, noisy-freq, noisy-trend and flat-trend get the
    /// type "unknown", i.e. no ground-truth class (<see langword="null"/>), so class accuracy is always 0 for
    /// them. A series with no interval is still "normal" (assumed: the empty-GT rule is applied first).
    /// </summary>
    ReleasedCode = 1,
}
