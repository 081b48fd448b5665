using AnomSeer.Answers;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;

namespace AnomSeer.Policy.Tests;

/// <summary>Tiny configurations and inputs shared by the tests.</summary>
internal static class TestModels
{
    public const int SeriesLength = 64;

    public static readonly string[] Corpus =
    [
        "The analysis of the series shows a clear spike. The global mean is 0.1 and the std is 0.5.",
        "I observed that the values within [10, 20] exhibit clear out-of-range behavior, with sharp spikes.",
        "The series does not exhibit obvious global outliers. The anomalies are likely subtle and contextual.",
        "No ground-truth anomalies are present; the series is treated as normal.",
    ];

    public static PolicyTokenizer Tokenizer() => PolicyTokenizerBuilder.Build(Corpus);

    public static TinyPolicyConfig Config(InputModality modality = InputModality.ImageAndSeries) => new()
    {
        Modality = modality,
        ModelDim = 32,
        Heads = 2,
        EncoderLayers = 1,
        DecoderLayers = 2,
        FfnDim = 64,
        ImageChannels = 1,
        ImageHeight = 8,
        ImageWidth = 32,
        StripWidth = 2,
        SeriesPatchSize = 8,
        MaxSeriesTokens = 16,
        XFrequencies = 3,
    };

    public static TinyPolicyModel Model(InputModality modality = InputModality.ImageAndSeries, int seed = 1) =>
        new(Config(modality), Tokenizer(), seed);

    /// <summary>A deterministic input: a sine with a spike, a random-looking image, and a shortened prompt.</summary>
    public static PolicyInput Input(int seed, int length = SeriesLength, string? prompt = null)
    {
        var rng = new Random(seed);
        var series = new float[length];
        for (int i = 0; i < length; i++) series[i] = (float)(Math.Sin(i * 0.3 + seed) + 0.1 * rng.NextDouble());
        series[length / 2] += 4;
        var pixels = new float[1 * 8 * 32];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)rng.NextDouble();
        // The 32-px image shows the series with a 2-px margin on each side.
        var image = new PlotImage(pixels, 1, 8, 32, length, -2.0 * length / 28, length / 28.0);
        return new PolicyInput(image, series, prompt ?? $"A series of length {length}. Find anomalies.");
    }

    public static string Response(int start, int end) =>
        AnswerFormatter.Format("The global mean is 0.1.", [new AnomalyInterval(start, end)], AnomalyClass.GlobalPoint);
}
