using AnomSeer.Answers;
using AnomSeer.Metrics;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;

namespace AnomSeer.Training.Tests;

/// <summary>Tiny models, examples and options shared by the trainer tests.</summary>
internal static class TinySetup
{
    public const int SeriesLength = 32;

    private static readonly string[] Corpus =
    [
        "The analysis of the series shows a clear spike. The global mean is 0.1 and the std is 0.5.",
        "I observed that the values within [10, 20] exhibit clear out-of-range behavior, with sharp spikes.",
        "No ground-truth anomalies are present; the series is treated as normal.",
    ];

    private static readonly Lazy<PolicyTokenizer> SharedTokenizer = new(() => PolicyTokenizerBuilder.Build(Corpus));

    public static TinyPolicyConfig Config => new()
    {
        Modality = InputModality.ImageAndSeries,
        ModelDim = 16,
        Heads = 2,
        EncoderLayers = 1,
        DecoderLayers = 1,
        FfnDim = 32,
        ImageChannels = 1,
        ImageHeight = 4,
        ImageWidth = 16,
        StripWidth = 2,
        SeriesPatchSize = 8,
        MaxSeriesTokens = 8,
        XFrequencies = 2,
    };

    public static TinyPolicyModel Model(int seed = 1) => new(Config, SharedTokenizer.Value, seed);

    public static TimerPoExample Example(int seed)
    {
        var rng = new Random(seed);
        var series = new float[SeriesLength];
        for (int i = 0; i < SeriesLength; i++) series[i] = (float)(Math.Sin(i * 0.4 + seed) + 0.1 * rng.NextDouble());
        int spike = 8 + seed % 16;
        series[spike] += 3;
        var pixels = new float[4 * 16];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (float)rng.NextDouble();
        var image = new PlotImage(pixels, 1, 4, 16, SeriesLength, -2.0 * SeriesLength / 12, SeriesLength / 12.0);
        var input = new PolicyInput(image, series, $"A series of length {SeriesLength}. Find anomalies.");
        var gt = new[] { new AnomalyInterval(spike, spike + 1) };
        string expCot = $"The global mean is 0.1 and the std is 0.5. I observed a clear spike within [{spike}, {spike + 1}].";
        return new TimerPoExample(input, gt, AnomalyClass.GlobalPoint, expCot, $"ex{seed}");
    }

    public static TimerPoExample[] Examples(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(Example).ToArray();

    /// <summary>Small, fast options: 2 prompts × 4 responses of at most 12 tokens, a large learning rate so changes show.</summary>
    public static TimerPoOptions Options(TimerPoMode mode = TimerPoMode.TimerPO) => new()
    {
        Mode = mode,
        PromptsPerStep = 2,
        ResponsesPerPrompt = 4,
        MaxResponseTokens = 12,
        LearningRate = 1e-2,
        ReferenceMaxTokens = 64,
        Seed = 7,
    };

    /// <summary>A reward that varies with the response (its length), so groups have a spread.</summary>
    public static RewardBreakdown LengthReward(TimerPoExample example, string text)
    {
        double r = (text.Length % 7) / 7.0;
        return new RewardBreakdown(r, r, 0, 0, 0, 0, 0, 0, 0, 0, AnswerParser.Parse(text));
    }

    /// <summary>The same reward for every response: every group has zero spread.</summary>
    public static RewardBreakdown ConstantReward(TimerPoExample example, string text) =>
        new(0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, AnswerParser.Parse(text));

    public static float[][] Snapshot(IPolicyModel model) =>
        model.TrainableParameters.Select(p => p.detach().cpu().data<float>().ToArray()).ToArray();
}
