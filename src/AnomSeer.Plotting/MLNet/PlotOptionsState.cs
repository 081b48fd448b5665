namespace AnomSeer.Plotting.MLNet;

/// <summary>
/// Encodes the plot options and the output choice as the <c>double[]</c> state that ML.NET stores in a saved model
/// (through <c>FittedState</c>), and decodes it again when the model is loaded.
/// </summary>
internal static class PlotOptionsState
{
    internal const double Version = 1;
    private const int FixedLength = 27;

    internal static double[] Encode(PlotOptions o, PlotOutputKind kind, TensorColorMode mode)
    {
        string font = o.FontFile ?? "";
        var s = new double[FixedLength + 1 + font.Length];
        int i = 0;
        s[i++] = Version;
        s[i++] = (int)kind;
        s[i++] = (int)mode;
        s[i++] = o.Width;
        s[i++] = o.Height;
        s[i++] = o.Dpi;
        s[i++] = o.LineColor.ToPackedArgb();
        s[i++] = o.LineWidthPoints;
        s[i++] = o.BackgroundColor.ToPackedArgb();
        s[i++] = o.ForegroundColor.ToPackedArgb();
        s[i++] = (int)o.YAxisMode;
        s[i++] = o.YMin;
        s[i++] = o.YMax;
        s[i++] = o.YMarginFraction;
        s[i++] = o.XMarginFraction;
        s[i++] = o.ShowTickLabels ? 1 : 0;
        s[i++] = o.FontSizePoints;
        s[i++] = o.TickLengthPoints;
        s[i++] = o.TickPadPoints;
        s[i++] = o.AxisLineWidthPoints;
        s[i++] = o.OuterPadPoints;
        s[i++] = o.PanelGapPoints;
        s[i++] = o.Antialias ? 1 : 0;
        s[i++] = o.ShadeIntervals ? 1 : 0;
        s[i++] = o.ShadeColor.ToPackedArgb();
        s[i++] = o.DecimationPointsPerColumn;
        s[i++] = o.PngCompressionLevel;
        s[i++] = o.FontFile is null ? -1 : font.Length;
        foreach (char c in font) s[i++] = c;
        return s;
    }

    /// <exception cref="InvalidDataException">The state was written by another version or is damaged.</exception>
    internal static (PlotOptions Options, PlotOutputKind Kind, TensorColorMode Mode) Decode(ReadOnlySpan<double> s)
    {
        if (s.Length < FixedLength + 1 || s[0] != Version)
            throw new InvalidDataException($"The plot transform state has version {(s.Length > 0 ? s[0] : double.NaN)} and length {s.Length}; this library reads version {Version}.");
        int i = 1;
        var kind = (PlotOutputKind)(int)s[i++];
        var mode = (TensorColorMode)(int)s[i++];
        var o = new PlotOptions
        {
            Width = (int)s[i++],
            Height = (int)s[i++],
            Dpi = s[i++],
            LineColor = Color(s[i++]),
            LineWidthPoints = s[i++],
            BackgroundColor = Color(s[i++]),
            ForegroundColor = Color(s[i++]),
            YAxisMode = (YAxisMode)(int)s[i++],
            YMin = s[i++],
            YMax = s[i++],
            YMarginFraction = s[i++],
            XMarginFraction = s[i++],
            ShowTickLabels = s[i++] != 0,
            FontSizePoints = s[i++],
            TickLengthPoints = s[i++],
            TickPadPoints = s[i++],
            AxisLineWidthPoints = s[i++],
            OuterPadPoints = s[i++],
            PanelGapPoints = s[i++],
            Antialias = s[i++] != 0,
            ShadeIntervals = s[i++] != 0,
            ShadeColor = Color(s[i++]),
            DecimationPointsPerColumn = s[i++],
            PngCompressionLevel = (int)s[i++],
        };
        int fontLength = (int)s[i++];
        if (fontLength >= 0)
        {
            if (s.Length != i + fontLength)
                throw new InvalidDataException("The plot transform state is damaged (font path length).");
            var chars = new char[fontLength];
            for (int k = 0; k < fontLength; k++) chars[k] = (char)s[i + k];
            o = o with { FontFile = new string(chars) };
        }
        return (o, kind, mode);
    }

    private static PlotColor Color(double packed)
    {
        uint v = (uint)packed;
        return new PlotColor((byte)(v >> 16), (byte)(v >> 8), (byte)v, (byte)(v >> 24));
    }
}
