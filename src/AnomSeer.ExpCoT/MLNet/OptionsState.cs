using AnomSeer.ExpCoT.Detection;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>
/// Encodes <see cref="ExpCotOptions"/> and <see cref="ExpertDetectorOptions"/> as the <c>double[]</c> state stored
/// in a saved ML.NET model (through <c>FittedState</c>), and decodes it again.
/// </summary>
internal static class OptionsState
{
    private const double ExpCotVersion = 1;
    private const double DetectorVersion = 1;

    internal static double[] Encode(ExpCotOptions o)
    {
        var s = new List<double>
        {
            ExpCotVersion, o.MinimumSeriesLength, o.DenoiseMinWindow, o.DenoiseMaxWindow, o.DenoisePolyorder,
            (int)o.GlobalScan, o.RangeRouteZThreshold, o.HbosBins, o.HbosScoreThreshold, o.RangeSigma,
            o.TrendMinimumLength, o.TrendSmoothingWindow, o.TrendPolyorder, o.TrendSigma, o.TrendDegenerateStd,
            o.DiscordMinimumLength, o.DiscordWindow, o.DiscordZThreshold,
            o.FrequencyMinimumLength, o.FrequencyWindow, o.FrequencySigma, o.FrequencyMinimumValidPeriods, o.FrequencyStablePeriodStd,
            o.FrequencyIncludeLastWindow ? 1 : 0, (int)o.TextStyle,
        };
        AddString(s, o.NoisyTaskMarker);
        AddString(s, o.TrendTaskMarker);
        AddString(s, o.FrequencyTaskMarker);
        return s.ToArray();
    }

    /// <exception cref="InvalidDataException">Another version or damaged state.</exception>
    internal static ExpCotOptions DecodeExpCot(ReadOnlySpan<double> s, ref int i)
    {
        if (s.Length < 25 || s[i] != ExpCotVersion)
            throw new InvalidDataException($"The ExpCoT transform state has version {(s.Length > i ? s[i] : double.NaN)}; this library reads version {ExpCotVersion}.");
        i++;
        var o = new ExpCotOptions
        {
            MinimumSeriesLength = (int)s[i++],
            DenoiseMinWindow = (int)s[i++],
            DenoiseMaxWindow = (int)s[i++],
            DenoisePolyorder = (int)s[i++],
            GlobalScan = (GlobalScan)(int)s[i++],
            RangeRouteZThreshold = s[i++],
            HbosBins = (int)s[i++],
            HbosScoreThreshold = s[i++],
            RangeSigma = s[i++],
            TrendMinimumLength = (int)s[i++],
            TrendSmoothingWindow = (int)s[i++],
            TrendPolyorder = (int)s[i++],
            TrendSigma = s[i++],
            TrendDegenerateStd = s[i++],
            DiscordMinimumLength = (int)s[i++],
            DiscordWindow = (int)s[i++],
            DiscordZThreshold = s[i++],
            FrequencyMinimumLength = (int)s[i++],
            FrequencyWindow = (int)s[i++],
            FrequencySigma = s[i++],
            FrequencyMinimumValidPeriods = (int)s[i++],
            FrequencyStablePeriodStd = s[i++],
            FrequencyIncludeLastWindow = s[i++] != 0,
            TextStyle = (ExpCotTextStyle)(int)s[i++],
        };
        o.NoisyTaskMarker = ReadString(s, ref i);
        o.TrendTaskMarker = ReadString(s, ref i);
        o.FrequencyTaskMarker = ReadString(s, ref i);
        return o;
    }

    internal static ExpCotOptions DecodeExpCot(ReadOnlySpan<double> s)
    {
        int i = 0;
        return DecodeExpCot(s, ref i);
    }

    internal static double[] Encode(ExpertDetectorOptions o)
    {
        var head = new double[]
        {
            DetectorVersion, o.MinimumSeriesLength, o.RangeZThreshold, o.RangeSigma, (int)o.Denoise, o.NoiseRatioThreshold,
            o.TrendSigma, o.FrequencySigma, o.DiscordZThreshold, o.DiscordMinimumDistance,
            o.UseSlopeShift ? 1 : 0, o.SlopeWindow, o.SlopeShiftSigma, o.SlopeRelativeFloor,
        };
        return [.. head, .. Encode(o.Analyses)];
    }

    /// <exception cref="InvalidDataException">Another version or damaged state.</exception>
    internal static ExpertDetectorOptions DecodeDetector(ReadOnlySpan<double> s)
    {
        if (s.Length < 14 || s[0] != DetectorVersion)
            throw new InvalidDataException($"The expert-detector transform state has version {(s.Length > 0 ? s[0] : double.NaN)}; this library reads version {DetectorVersion}.");
        int i = 1;
        var o = new ExpertDetectorOptions
        {
            MinimumSeriesLength = (int)s[i++],
            RangeZThreshold = s[i++],
            RangeSigma = s[i++],
            Denoise = (DenoiseMode)(int)s[i++],
            NoiseRatioThreshold = s[i++],
            TrendSigma = s[i++],
            FrequencySigma = s[i++],
            DiscordZThreshold = s[i++],
            DiscordMinimumDistance = s[i++],
            UseSlopeShift = s[i++] != 0,
            SlopeWindow = (int)s[i++],
            SlopeShiftSigma = s[i++],
            SlopeRelativeFloor = s[i++],
        };
        o.Analyses = DecodeExpCot(s, ref i);
        return o;
    }

    private static void AddString(List<double> s, string text)
    {
        s.Add(text.Length);
        foreach (char c in text) s.Add(c);
    }

    private static string ReadString(ReadOnlySpan<double> s, ref int i)
    {
        if (i >= s.Length) throw new InvalidDataException("The ExpCoT transform state is damaged (string length).");
        int n = (int)s[i++];
        if (n < 0 || i + n > s.Length) throw new InvalidDataException("The ExpCoT transform state is damaged (string).");
        var chars = new char[n];
        for (int k = 0; k < n; k++) chars[k] = (char)s[i + k];
        i += n;
        return new string(chars);
    }
}
