namespace AnomSeer.Plotting;

/// <summary>How the vertical data range of a panel is chosen.</summary>
public enum YAxisMode
{
    /// <summary>
    /// The range is <see cref="PlotOptions.YMin"/> to <see cref="PlotOptions.YMax"/>, whatever the data; values outside are
    /// clipped at the plot-area edge. The AnomLLM figures fix it to (−1, 1) (spec c.1).
    /// </summary>
    Fixed = 0,

    /// <summary>
    /// The range is the finite data range widened on both sides by <see cref="PlotOptions.YMarginFraction"/> of its extent,
    /// like matplotlib's default autoscaling (used by the VisualTimeAnomaly figures, spec c.2, and for real data, spec g.11).
    /// </summary>
    Auto = 1,
}
