using AnomSeer.Data.Random;

namespace AnomSeer.Data.Synthetic;

/// <summary>
/// Generates the VisualTimeAnomaly-style univariate types as method spec c.2 describes (the TODS-derived
/// <c>UnivariateDataGenerator</c>), from a seeded, platform-independent random stream. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Base signal: <c>x0 = coef·(sin(2π·f·t) + noise·N(0, 1)) + offset</c>. Injections (positions
/// <c>int(U·L)</c>, may repeat, drawn first; then processed in drawn order):</para>
/// <list type="bullet">
/// <item>global: <c>x[i] = x0[i]·factor·std(x0[i−r : i+r])</c>; then a value in <c>[0, max)</c> becomes max and a
/// value in <c>(min, 0)</c> becomes min (max and min of x0). Each position is a 1-wide interval.</item>
/// <item>contextual: the same product; a value above max becomes <c>max·min(0.95, |N(0, 0.5)|)</c>, below min
/// <c>min·min(0.95, |N(0, 0.5)|)</c>.</item>
/// <item>seasonal: window <c>[i−r, i+r)</c> replaced by a fresh base sine (new noise) at frequency ×3.</item>
/// <item>trend: <c>x[s:e] = x0[s:e] ± factor·(0, 1, …)</c> and every later point shifted by the last ramp value.</item>
/// <item>shapelet: one square-like wave <c>Σ_k 1/(2k+1)·sine(f·(2k+1), coef, noise)</c> per series (each harmonic with
/// its own noise); windows replaced by it.</item>
/// </list>
/// <para>Range types are labelled by the runs of their window mask (overlapping windows merge).</para>
/// </remarks>
public sealed class VtaGenerator
{
    /// <summary>Stream-id base for VTA types (ASCII "VTAUNI\0\0"); the type's ordinal is added.</summary>
    public const ulong StreamBase = 0x565441554E490000UL;

    private const double NumPyTwoPi = 6.283185307179586; // 2 * np.pi as a double

    /// <summary>Creates a generator; <paramref name="options"/> defaults to the benchmark's values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid (the message names it).</exception>
    public VtaGenerator(VtaSuiteOptions? options = null)
    {
        Options = options ?? new VtaSuiteOptions();
        Options.Validate();
    }

    /// <summary>The options in use.</summary>
    public VtaSuiteOptions Options { get; }

    /// <summary>The random stream id of a type: <see cref="StreamBase"/> + its ordinal.</summary>
    public static ulong StreamId(VtaType type) => StreamBase + (ulong)(int)type;

    /// <summary>Generates series <paramref name="index"/> of <paramref name="type"/> under <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or the type is undefined.</exception>
    public SyntheticSeries Generate(VtaType type, ulong seed, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        type.ToName();
        return Generate(type, SeededRandom.ForStream(seed, StreamId(type), (ulong)index), index);
    }

    /// <summary>
    /// Generates one series of <paramref name="type"/> from <paramref name="rng"/>. <paramref name="index"/> is the
    /// series' position in its split; it matters only under <see cref="VtaSuiteOptions.SeasonalFrequencyQuirk"/>.
    /// </summary>
    public SyntheticSeries Generate(VtaType type, SeededRandom rng, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var o = Options;
        int n = o.Length;
        bool quirk = type == VtaType.Seasonal && o.SeasonalFrequencyQuirk;
        double baseFreq = o.Frequency;
        if (quirk)
            for (int k = 0; k < index; k++) baseFreq *= o.SeasonalFactor;

        double[] x0 = Sine(rng, n, baseFreq, o.Coefficient, o.Offset, o.NoiseAmplitude, quirk);
        double[] x = (double[])x0.Clone();
        AnomalyInterval[] intervals = type switch
        {
            VtaType.Global => PointOutliers(rng, x0, x, contextual: false),
            VtaType.Contextual => PointOutliers(rng, x0, x, contextual: true),
            VtaType.Seasonal => Seasonal(rng, x, baseFreq * o.SeasonalFactor, quirk),
            VtaType.Trend => Trend(rng, x0, x),
            VtaType.Shapelet => Shapelet(rng, x),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined VtaType."),
        };
        return new SyntheticSeries(x, intervals, intervals.Length == 0 ? AnomalyClass.Normal : type.ToAnomalyClass());
    }

    private int[] Positions(SeededRandom rng, double count)
    {
        int m = (int)Math.Round(count, MidpointRounding.ToEven); // Python's round()
        var p = new int[m];
        for (int k = 0; k < m; k++) p[k] = (int)(rng.NextDouble() * Options.Length);
        return p;
    }

    private static double[] Sine(SeededRandom rng, int n, double freq, double coef, double offset, double noiseAmp, bool radians)
    {
        var v = new double[n];
        double w = NumPyTwoPi * freq;
        for (int t = 0; t < n; t++)
            v[t] = radians ? DeterministicMath.SinRadians(w * t) : DeterministicMath.SinTurns(freq * t);
        if (noiseAmp != 0)
            for (int t = 0; t < n; t++) v[t] += noiseAmp * rng.StandardNormal();
        for (int t = 0; t < n; t++) v[t] = coef * v[t] + offset;
        return v;
    }

    private AnomalyInterval[] PointOutliers(SeededRandom rng, double[] x0, double[] x, bool contextual)
    {
        var o = Options;
        int n = x0.Length, r = o.Radius;
        int[] positions = Positions(rng, n * o.Ratio);
        double max = x0.Max(), min = x0.Min();
        double factor = contextual ? o.ContextualFactor : o.GlobalFactor;
        foreach (int i in positions)
        {
            int lo = Math.Max(0, i - r), hi = Math.Min(i + r, n);
            x[i] = x0[i] * factor * PopulationStd(x0.AsSpan(lo, hi - lo));
            if (!contextual)
            {
                if (x[i] >= 0 && x[i] < max) x[i] = max;
                if (x[i] < 0 && x[i] > min) x[i] = min;
            }
            else
            {
                if (x[i] > max) x[i] = max * Math.Min(o.ContextualReplacementCap, Math.Abs(rng.Normal(0, o.ContextualReplacementStd)));
                if (x[i] < min) x[i] = min * Math.Min(o.ContextualReplacementCap, Math.Abs(rng.Normal(0, o.ContextualReplacementStd)));
            }
        }
        return positions.Distinct().Order().Select(p => new AnomalyInterval(p, p + 1)).ToArray();
    }

    private AnomalyInterval[] Seasonal(SeededRandom rng, double[] x, double anomalyFreq, bool quirk)
    {
        var o = Options;
        int n = x.Length;
        var mask = new bool[n];
        foreach (int i in Positions(rng, n * o.Ratio / (2 * o.Radius)))
        {
            int s = Math.Max(0, i - o.Radius), e = Math.Min(n, i + o.Radius);
            double[] fresh = Sine(rng, n, anomalyFreq, o.Coefficient, o.Offset, o.NoiseAmplitude, quirk);
            Array.Copy(fresh, s, x, s, e - s);
            mask.AsSpan(s, e - s).Fill(true);
        }
        return Runs(mask);
    }

    private AnomalyInterval[] Trend(SeededRandom rng, double[] x0, double[] x)
    {
        var o = Options;
        int n = x.Length;
        var mask = new bool[n];
        foreach (int i in Positions(rng, n * o.Ratio / (2 * o.Radius)))
        {
            int s = Math.Max(0, i - o.Radius), e = Math.Min(n, i + o.Radius);
            double sign = rng.NextBoolean() ? 1.0 : -1.0;
            double last = 0;
            for (int t = s; t < e; t++)
            {
                last = sign * o.TrendFactor * (t - s);
                x[t] = x0[t] + last;
            }
            for (int t = e; t < n; t++) x[t] += last;
            mask.AsSpan(s, e - s).Fill(true);
        }
        return Runs(mask);
    }

    private AnomalyInterval[] Shapelet(SeededRandom rng, double[] x)
    {
        var o = Options;
        int n = x.Length;
        var wave = new double[n];
        for (int k = 0; k < o.ShapeletLevel; k++)
        {
            double[] h = Sine(rng, n, o.ShapeletFrequency * (2 * k + 1), o.ShapeletCoefficient, 0, o.ShapeletNoiseAmplitude, radians: false);
            double scale = 1.0 / (2 * k + 1);
            for (int t = 0; t < n; t++) wave[t] += scale * h[t];
        }
        var mask = new bool[n];
        foreach (int i in Positions(rng, n * o.Ratio / (2 * o.Radius)))
        {
            int s = Math.Max(0, i - o.Radius), e = Math.Min(n, i + o.Radius);
            Array.Copy(wave, s, x, s, e - s);
            mask.AsSpan(s, e - s).Fill(true);
        }
        return Runs(mask);
    }

    internal static AnomalyInterval[] Runs(ReadOnlySpan<bool> mask)
    {
        var list = new List<AnomalyInterval>();
        int t = 0;
        while (t < mask.Length)
        {
            if (!mask[t]) { t++; continue; }
            int s = t;
            while (t < mask.Length && mask[t]) t++;
            list.Add(new AnomalyInterval(s, t));
        }
        return list.ToArray();
    }

    private static double PopulationStd(ReadOnlySpan<double> v)
    {
        double mean = 0;
        foreach (double d in v) mean += d;
        mean /= v.Length;
        double ss = 0;
        foreach (double d in v) ss += (d - mean) * (d - mean);
        return Math.Sqrt(ss / v.Length);
    }
}
