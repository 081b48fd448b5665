namespace AnomSeer.Policy.Tiny;

/// <summary>
/// The CPU-side preparation of a batch of inputs: column strips of the image, normalised series patches, the x-range of
/// every input token and its x-coordinate features. Vision tokens come first, then series tokens.
/// </summary>
internal sealed class PreparedInputs
{
    public required int Count { get; init; }
    /// <summary><c>[B, Nv, C·H·S]</c>.</summary>
    public required float[] Strips { get; init; }
    /// <summary><c>[B, NsMax, P]</c> (empty when there is no series input).</summary>
    public required float[] Patches { get; init; }
    public required int MaxSeriesTokens { get; init; }
    /// <summary>Series tokens per sample (0 without series input).</summary>
    public required int[] SeriesTokens { get; init; }
    /// <summary>Per sample: the ranges of its Nv + Ns tokens.</summary>
    public required TokenRange[][] Ranges { get; init; }
    /// <summary><c>[B, Nv + NsMax, F]</c> x-coordinate features; zeros at padding.</summary>
    public required float[] XFeatures { get; init; }
    public required int FeatureCount { get; init; }

    public static int XFeatureCount(int frequencies) => 2 * (2 * frequencies + 1);

    public static PreparedInputs Prepare(TinyPolicyConfig config, IReadOnlyList<PolicyInput> inputs, string paramName)
    {
        int b = inputs.Count;
        int nv = config.VisionTokens;
        int stripDim = config.ImageChannels * config.ImageHeight * config.StripWidth;
        bool withSeries = config.Modality == InputModality.ImageAndSeries;
        var seriesTokens = new int[b];
        for (int i = 0; i < b; i++)
        {
            var input = inputs[i] ?? throw new ArgumentException($"Input {i} is null.", paramName);
            var img = input.Image;
            if (img.Channels != config.ImageChannels || img.Height != config.ImageHeight || img.Width != config.ImageWidth)
                throw new ArgumentException($"Input {i}: image is [{img.Channels}, {img.Height}, {img.Width}], the model takes [{config.ImageChannels}, {config.ImageHeight}, {config.ImageWidth}].", paramName);
            if (withSeries)
            {
                if (input.Series is null)
                    throw new ArgumentException($"Input {i} has no series, which the ImageAndSeries model needs.", paramName);
                seriesTokens[i] = (input.SeriesLength + config.SeriesPatchSize - 1) / config.SeriesPatchSize;
                if (seriesTokens[i] > config.MaxSeriesTokens)
                    throw new ArgumentException($"Input {i}: a series of {input.SeriesLength} points needs {seriesTokens[i]} patch tokens, more than MaxSeriesTokens = {config.MaxSeriesTokens}.", paramName);
            }
        }
        int nsMax = withSeries ? seriesTokens.Max() : 0;
        int n = nv + nsMax;
        int f = XFeatureCount(config.XFrequencies);
        var strips = new float[(long)b * nv * stripDim];
        var patches = new float[(long)b * nsMax * config.SeriesPatchSize];
        var features = new float[(long)b * n * f];
        var ranges = new TokenRange[b][];
        for (int i = 0; i < b; i++)
        {
            var input = inputs[i];
            var img = input.Image;
            int len = input.SeriesLength;
            var r = new TokenRange[nv + seriesTokens[i]];
            CopyStrips(img.Pixels, config, strips.AsSpan((int)((long)i * nv * stripDim), nv * stripDim));
            for (int k = 0; k < nv; k++)
            {
                double a = Math.Clamp(img.PixelToIndex(k * config.StripWidth), 0, len);
                double e = Math.Clamp(img.PixelToIndex((k + 1) * config.StripWidth), 0, len);
                r[k] = new TokenRange(a, e);
            }
            if (withSeries)
            {
                FillPatches(input.Series!, config.SeriesPatchSize, patches.AsSpan(i * nsMax * config.SeriesPatchSize, seriesTokens[i] * config.SeriesPatchSize));
                for (int k = 0; k < seriesTokens[i]; k++)
                    r[nv + k] = new TokenRange(k * config.SeriesPatchSize, Math.Min(len, (k + 1) * config.SeriesPatchSize));
            }
            ranges[i] = r;
            for (int k = 0; k < r.Length; k++)
                WriteXFeatures(r[k], len, config.XFrequencies, features.AsSpan((int)(((long)i * n + k) * f), f));
        }
        return new PreparedInputs
        {
            Count = b, Strips = strips, Patches = patches, MaxSeriesTokens = nsMax, SeriesTokens = seriesTokens,
            Ranges = ranges, XFeatures = features, FeatureCount = f,
        };
    }

    private static void CopyStrips(ReadOnlySpan<float> pixels, TinyPolicyConfig c, Span<float> dest)
    {
        int s = c.StripWidth, h = c.ImageHeight, w = c.ImageWidth;
        int stripDim = c.ImageChannels * h * s;
        for (int ch = 0; ch < c.ImageChannels; ch++)
            for (int y = 0; y < h; y++)
            {
                var row = pixels.Slice((ch * h + y) * w, w);
                for (int x = 0; x < w; x++)
                    dest[(x / s) * stripDim + (ch * h + y) * s + x % s] = row[x];
            }
    }

    /// <summary>z-scores the series (population std, floor 1e-6; non-finite values read as the mean), clips to ±10, and
    /// cuts it into patches; the last patch is padded with its last value.</summary>
    private static void FillPatches(IReadOnlyList<float> series, int p, Span<float> dest)
    {
        double sum = 0, sq = 0;
        int cnt = 0;
        foreach (var v in series)
            if (float.IsFinite(v)) { sum += v; sq += (double)v * v; cnt++; }
        double mean = cnt > 0 ? sum / cnt : 0;
        double sd = cnt > 0 ? Math.Sqrt(Math.Max(0, sq / cnt - mean * mean)) : 0;
        sd = Math.Max(sd, 1e-6);
        float last = 0;
        for (int j = 0; j < dest.Length; j++)
        {
            if (j < series.Count)
            {
                var v = series[j];
                last = float.IsFinite(v) ? (float)Math.Clamp((v - mean) / sd, -10, 10) : 0f;
            }
            dest[j] = last;
        }
    }

    /// <summary>Features of a range normalised by the series length: u0, u1, then sin/cos(2^k·π·u) of both ends.</summary>
    private static void WriteXFeatures(TokenRange r, int len, int frequencies, Span<float> dest)
    {
        double u0 = r.Start / len, u1 = r.End / len;
        dest[0] = (float)u0;
        dest[1] = (float)u1;
        int o = 2;
        for (int k = 0; k < frequencies; k++)
        {
            double w = Math.PI * Math.Pow(2, k);
            dest[o++] = (float)Math.Sin(w * u0);
            dest[o++] = (float)Math.Cos(w * u0);
            dest[o++] = (float)Math.Sin(w * u1);
            dest[o++] = (float)Math.Cos(w * u1);
        }
    }
}
