namespace AnomSeer.Plotting;

/// <summary>
/// Everything that decides how a series is drawn. The defaults reproduce the figures AnomSeer was trained on: the
/// AnomLLM synthetic suite drawn by matplotlib with <c>figsize = (10, 1.5)</c> at the default 100 dpi, a steelblue line of
/// the default width, <c>ylim = (−1, 1)</c>, default ticks and <c>tight_layout()</c> (spec c.1 "Rendering", g.13). Every
/// deviation from that look is a named property here.
/// </summary>
/// <remarks>
/// Lengths in points (1/72 inch) follow matplotlib's units and are converted to pixels with <see cref="Dpi"/>. The x-axis
/// spans <c>[0, N]</c> for a series of length N (widened by <see cref="XMarginFraction"/>), so that a half-open anomaly
/// interval <c>[s, e)</c> covers the pixels between the x positions of <c>s</c> and <c>e</c> and the tick <c>N</c> (1000 for
/// the AnomLLM suite) sits on the right edge. Instances are immutable; use <c>with</c> expressions to vary them.
/// </remarks>
public sealed record PlotOptions
{
    /// <summary>The default values, each with its source.</summary>
    public static class Defaults
    {
        /// <summary>Image width in pixels: 10 in × 100 dpi (spec c.1).</summary>
        public const int Width = 1000;

        /// <summary>Image height in pixels: 1.5 in × 100 dpi (spec c.1).</summary>
        public const int Height = 150;

        /// <summary>Dots per inch: matplotlib's default figure dpi (spec c.1, INFERRED there; g.13).</summary>
        public const double Dpi = 100;

        /// <summary>Line width in points: matplotlib's default <c>lines.linewidth</c> (spec c.1), 2.08 px at 100 dpi.</summary>
        public const double LineWidthPoints = 1.5;

        /// <summary>Tick-label font size in points: matplotlib's default 10 pt (spec g.13).</summary>
        public const double FontSizePoints = 10;

        /// <summary>Major tick length in points: matplotlib's <c>xtick.major.size</c>.</summary>
        public const double TickLengthPoints = 3.5;

        /// <summary>Gap between tick and label in points: matplotlib's <c>xtick.major.pad</c>.</summary>
        public const double TickPadPoints = 3.5;

        /// <summary>Axis (spine) and tick line width in points: matplotlib's <c>axes.linewidth</c>.</summary>
        public const double AxisLineWidthPoints = 0.8;

        /// <summary>Padding between the labelled axes and the image border in points: <c>tight_layout(pad=1.08)</c> × the font size.</summary>
        public const double OuterPadPoints = 1.08 * FontSizePoints;

        /// <summary>
        /// Vertical gap between stacked panels of a multivariate plot, in points: one font size, so that the y labels centred
        /// on the touching edges of two panels do not overlap (not in the paper, which plots univariate series only).
        /// </summary>
        public const double PanelGapPoints = FontSizePoints;

        /// <summary>Lower y limit of the AnomLLM figures (spec c.1).</summary>
        public const double YMin = -1;

        /// <summary>Upper y limit of the AnomLLM figures (spec c.1).</summary>
        public const double YMax = 1;

        /// <summary>Relative y margin in <see cref="YAxisMode.Auto"/>: matplotlib's <c>axes.ymargin</c>.</summary>
        public const double YMarginFraction = 0.05;

        /// <summary>Relative x margin: 0, tight (the "tight margins"); matplotlib's own default would be 0.05.</summary>
        public const double XMarginFraction = 0;

        /// <summary>Opacity of ground-truth shading: the <c>axvspan(alpha=0.2)</c> of AnomLLM's figures (spec c.1).</summary>
        public const double ShadeOpacity = 0.2;

        /// <summary>Min/max decimation starts when a series has more than this many points per plot-area pixel column.</summary>
        public const double DecimationPointsPerColumn = 2;

        /// <summary>
        /// zlib level of the PNG encoder, 0–9. 1 (fastest): PNG is lossless, so the level changes only file size (about 29 KB
        /// for a default plot at 1, 23 KB at 6) and encoding time (about twice as long at 6, matplotlib's level), never pixels.
        /// </summary>
        public const int PngCompressionLevel = 1;
    }

    /// <summary>Image width in pixels. Default <see cref="Defaults.Width"/> (1000, spec c.1).</summary>
    public int Width { get; init; } = Defaults.Width;

    /// <summary>Image height in pixels (all panels together). Default <see cref="Defaults.Height"/> (150, spec c.1).</summary>
    public int Height { get; init; } = Defaults.Height;

    /// <summary>Dots per inch used to convert point sizes to pixels. Default <see cref="Defaults.Dpi"/> (100).</summary>
    public double Dpi { get; init; } = Defaults.Dpi;

    /// <summary>Line colour. Default steelblue <c>#4682B4</c> (spec c.1, c.2).</summary>
    public PlotColor LineColor { get; init; } = PlotColor.SteelBlue;

    /// <summary>Line width in points. Default <see cref="Defaults.LineWidthPoints"/> (1.5 pt).</summary>
    public double LineWidthPoints { get; init; } = Defaults.LineWidthPoints;

    /// <summary>Background colour of the whole image; must be opaque. Default white (matplotlib's figure and axes face colour).</summary>
    public PlotColor BackgroundColor { get; init; } = PlotColor.White;

    /// <summary>Colour of axes, ticks and tick labels. Default black (matplotlib's default).</summary>
    public PlotColor ForegroundColor { get; init; } = PlotColor.Black;

    /// <summary>How the y range is chosen. Default <see cref="YAxisMode.Fixed"/> to (−1, 1), as the AnomLLM suite (spec c.1).</summary>
    public YAxisMode YAxisMode { get; init; } = YAxisMode.Fixed;

    /// <summary>Lower y limit in <see cref="YAxisMode.Fixed"/>. Default −1 (spec c.1).</summary>
    public double YMin { get; init; } = Defaults.YMin;

    /// <summary>Upper y limit in <see cref="YAxisMode.Fixed"/>. Default 1 (spec c.1).</summary>
    public double YMax { get; init; } = Defaults.YMax;

    /// <summary>Relative margin added on both sides of the data range in <see cref="YAxisMode.Auto"/>. Default 0.05 (matplotlib).</summary>
    public double YMarginFraction { get; init; } = Defaults.YMarginFraction;

    /// <summary>Relative margin added on both sides of the x range <c>[0, N]</c>. Default 0 (tight); 0.05 is matplotlib's look.</summary>
    public double XMarginFraction { get; init; } = Defaults.XMarginFraction;

    /// <summary>Whether tick labels are drawn. Default <see langword="true"/>: the model reads the x-axis labels to localise (spec g.13).</summary>
    public bool ShowTickLabels { get; init; } = true;

    /// <summary>Tick-label font size in points. Default <see cref="Defaults.FontSizePoints"/> (10 pt, spec g.13).</summary>
    public double FontSizePoints { get; init; } = Defaults.FontSizePoints;

    /// <summary>Tick length in points. Default <see cref="Defaults.TickLengthPoints"/> (3.5 pt).</summary>
    public double TickLengthPoints { get; init; } = Defaults.TickLengthPoints;

    /// <summary>Tick-to-label gap in points. Default <see cref="Defaults.TickPadPoints"/> (3.5 pt).</summary>
    public double TickPadPoints { get; init; } = Defaults.TickPadPoints;

    /// <summary>Axis and tick line width in points. Default <see cref="Defaults.AxisLineWidthPoints"/> (0.8 pt).</summary>
    public double AxisLineWidthPoints { get; init; } = Defaults.AxisLineWidthPoints;

    /// <summary>Padding between the labelled axes and the image border in points. Default <see cref="Defaults.OuterPadPoints"/> (10.8 pt).</summary>
    public double OuterPadPoints { get; init; } = Defaults.OuterPadPoints;

    /// <summary>Vertical gap between the panels of a multivariate plot, in points. Default <see cref="Defaults.PanelGapPoints"/>.</summary>
    public double PanelGapPoints { get; init; } = Defaults.PanelGapPoints;

    /// <summary>Whether lines and text are anti-aliased. Default <see langword="true"/> (matplotlib's Agg renderer anti-aliases).</summary>
    public bool Antialias { get; init; } = true;

    /// <summary>
    /// Whether the intervals passed to a render call are shaded. Default <see langword="false"/>: the released AnomSeer
    /// pipeline trained on figures with the ground truth shaded in, which leaks the labels (spec c.1, g.5). Turn it on only to
    /// reproduce that pipeline or for human-facing figures.
    /// </summary>
    public bool ShadeIntervals { get; init; }

    /// <summary>Shading colour when <see cref="ShadeIntervals"/> is on. Default steelblue at opacity 0.2 (AnomLLM's <c>axvspan</c>, spec c.1).</summary>
    public PlotColor ShadeColor { get; init; } = PlotColor.SteelBlue.WithOpacity(Defaults.ShadeOpacity);

    /// <summary>
    /// Above this many points per plot-area pixel column the line is drawn from per-column minima and maxima, so that a
    /// single-point spike anywhere in a very long series stays visible. Default <see cref="Defaults.DecimationPointsPerColumn"/>.
    /// </summary>
    public double DecimationPointsPerColumn { get; init; } = Defaults.DecimationPointsPerColumn;

    /// <summary>zlib compression level of the PNG encoder, 0 (none) to 9. Default <see cref="Defaults.PngCompressionLevel"/>.</summary>
    public int PngCompressionLevel { get; init; } = Defaults.PngCompressionLevel;

    /// <summary>
    /// Path of a TrueType font file to use instead of the embedded DejaVu Sans, or <see langword="null"/> (default) for the
    /// embedded font. System fonts are never used. A missing or unreadable file makes the renderer's constructor throw.
    /// </summary>
    public string? FontFile { get; init; }

    /// <summary>Checks every value and throws naming the first bad property.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size, width, margin or level is out of range.</exception>
    /// <exception cref="ArgumentException">The fixed y limits are not finite and increasing, the background is not opaque, or
    /// <see cref="FontFile"/> is empty.</exception>
    public void Validate()
    {
        RequireRange(Width, 16, 16384, nameof(Width));
        RequireRange(Height, 16, 16384, nameof(Height));
        RequirePositive(Dpi, nameof(Dpi));
        RequirePositive(LineWidthPoints, nameof(LineWidthPoints));
        RequirePositive(FontSizePoints, nameof(FontSizePoints));
        RequireNonNegative(TickLengthPoints, nameof(TickLengthPoints));
        RequireNonNegative(TickPadPoints, nameof(TickPadPoints));
        RequirePositive(AxisLineWidthPoints, nameof(AxisLineWidthPoints));
        RequireNonNegative(OuterPadPoints, nameof(OuterPadPoints));
        RequireNonNegative(PanelGapPoints, nameof(PanelGapPoints));
        RequireNonNegative(YMarginFraction, nameof(YMarginFraction));
        RequireNonNegative(XMarginFraction, nameof(XMarginFraction));
        RequirePositive(DecimationPointsPerColumn, nameof(DecimationPointsPerColumn));
        RequireRange(PngCompressionLevel, 0, 9, nameof(PngCompressionLevel));
        if (!Enum.IsDefined(YAxisMode))
            throw new ArgumentOutOfRangeException(nameof(YAxisMode), YAxisMode, "Unknown YAxisMode.");
        if (!double.IsFinite(YMin) || !double.IsFinite(YMax) || YMax <= YMin)
            throw new ArgumentException($"YMin ({YMin}) and YMax ({YMax}) must be finite with YMin < YMax.", nameof(YMin));
        if (BackgroundColor.A != 255)
            throw new ArgumentException($"BackgroundColor must be opaque (alpha 255), not {BackgroundColor}: images are opaque RGB(A).", nameof(BackgroundColor));
        if (FontFile is not null && string.IsNullOrWhiteSpace(FontFile))
            throw new ArgumentException("FontFile must be null (embedded font) or a file path.", nameof(FontFile));
    }

    private static void RequireRange(int v, int min, int max, string name)
    {
        if (v < min || v > max)
            throw new ArgumentOutOfRangeException(name, v, $"{name} must lie in [{min}, {max}].");
    }

    private static void RequirePositive(double v, string name)
    {
        if (!(v > 0) || !double.IsFinite(v))
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite and positive.");
    }

    private static void RequireNonNegative(double v, string name)
    {
        if (!(v >= 0) || !double.IsFinite(v))
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite and not negative.");
    }
}
