using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training.MLNet;
using Microsoft.ML;

namespace AnomSeer.Training.Tests.MLNet;

/// <summary>Tiny rows, a tiny policy configuration and fast options for the ML.NET estimator tests.</summary>
internal static class MLNetTinyData
{
    public const int SeriesLength = 32;

    public sealed class Row
    {
        public float[] Series { get; set; } = [];
        public int[] GroundTruth { get; set; } = [];
        public string Class { get; set; } = "";
        public string Task { get; set; } = "";
    }

    public sealed class Prediction
    {
        public string Reasoning { get; set; } = "";
        public int[] Intervals { get; set; } = [];
        public string PredictedClass { get; set; } = "";
        public string Response { get; set; } = "";
    }

    public sealed class SeriesOnly
    {
        public double[] Series { get; set; } = [];
    }

    public static Row[] Rows()
    {
        var rows = new List<Row>();
        string[] classes = ["global point", "contextual point", "normal", "global point"];
        string[] tasks = ["range", "noisy-point", "range", ""];
        for (int k = 0; k < 4; k++)
        {
            var rng = new Random(100 + k);
            var series = new float[SeriesLength];
            for (int i = 0; i < SeriesLength; i++) series[i] = (float)(0.5 * Math.Sin(i * 0.4 + k) + 0.05 * rng.NextDouble());
            int spike = 8 + 5 * k;
            int[] gt = classes[k] == "normal" ? [] : [spike, spike + 2];
            if (gt.Length > 0) series[spike] += 0.9f;
            rows.Add(new Row { Series = series, GroundTruth = gt, Class = classes[k], Task = tasks[k] });
        }
        return rows.ToArray();
    }

    public static TinyPolicyConfig Config => new()
    {
        Modality = InputModality.ImageAndSeries,
        ModelDim = 16,
        Heads = 2,
        EncoderLayers = 1,
        DecoderLayers = 1,
        FfnDim = 32,
        ImageChannels = 1,
        ImageHeight = 16,
        ImageWidth = 32,
        StripWidth = 4,
        SeriesPatchSize = 8,
        MaxSeriesTokens = 8,
        XFrequencies = 2,
    };

    public static PlotOptions Plot => new()
    {
        Width = 32, Height = 16, YAxisMode = YAxisMode.Auto, ShowTickLabels = false, OuterPadPoints = 0, TickLengthPoints = 0,
    };

    /// <summary>A fresh tiny policy, 1 SFT step and 1 TimerPO step of 2 prompts × 2 responses of at most 8 tokens.</summary>
    public static TimerPoDetectorOptions Options(long sftSteps = 1, long timerPoSteps = 1) => new()
    {
        PolicyConfig = Config,
        PlotOptions = Plot,
        Sft = new SftOptions { BatchSize = 2, WarmupSteps = 0, Seed = 3 },
        SftSteps = sftSteps,
        TimerPo = new TimerPoOptions
        {
            PromptsPerStep = 2,
            ResponsesPerPrompt = 2,
            MaxResponseTokens = 8,
            ReferenceMaxTokens = 32,
            LearningRate = 1e-2,
            Seed = 7,
        },
        TimerPoSteps = timerPoSteps,
        ResponseColumnName = "Response",
        Seed = 5,
    };

    public static List<Prediction> Predict(MLContext ml, ITransformer model, IDataView data) =>
        ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).ToList();
}
