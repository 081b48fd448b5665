using AnomSeer.Plotting;
using AnomSeer.Policy.QwenVL.Lora;
using AnomSeer.Training;
using AnomSeer.Training.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The ML.NET TimerPO detector and estimator with a tiny random Qwen2.5-VL policy (any <see cref="IPolicyModel"/>).</summary>
public class MLNetDetectorTests
{
    private const int Length = 32;

    public sealed class Row
    {
        [VectorType]
        public float[] Series { get; set; } = [];
        [VectorType]
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

    private static Row[] Rows()
    {
        var rows = new Row[2];
        for (int k = 0; k < rows.Length; k++)
        {
            var series = new float[Length];
            for (int i = 0; i < Length; i++) series[i] = (float)(0.5 * Math.Sin(i * 0.4 + k));
            series[10 + k] += 0.9f;
            rows[k] = new Row { Series = series, GroundTruth = [10 + k, 11 + k], Class = "global point", Task = "range" };
        }
        return rows;
    }

    private static PlotOptions Plot => new()
    {
        Width = 32, Height = 16, YAxisMode = YAxisMode.Auto, ShowTickLabels = false, OuterPadPoints = 0, TickLengthPoints = 0,
    };

    private static TimerPoDetectorOptions Options(long timerPoSteps = 1, long sftSteps = 0) => new()
    {
        PlotOptions = Plot,
        TimerPo = new TimerPoOptions
        {
            PromptsPerStep = 2, ResponsesPerPrompt = 2, MaxResponseTokens = 4, ReferenceMaxTokens = 24, LearningRate = 1e-2, Seed = 7,
        },
        TimerPoSteps = timerPoSteps,
        SftSteps = sftSteps,
        ResponseColumnName = "Response",
        Seed = 5,
    };

    private static List<Prediction> Predict(MLContext ml, ITransformer model, IDataView data) =>
        ml.Data.CreateEnumerable<Prediction>(model.Transform(data), reuseRowObject: false).ToList();

    [Fact]
    public void FromPolicy_TransformsWithTheQwenPolicy_Deterministically_AndRefusesToSave()
    {
        var ml = new MLContext(seed: 0);
        using var policy = TinyPolicy.Create(3);
        var detector = TimerPoDetector.FromPolicy(ml, policy, Options());
        Assert.True(detector.IsBoundToPolicyInstance);
        var data = ml.Data.LoadFromEnumerable(Rows());

        var schema = detector.Transform(data).Schema;
        Assert.Equal(TextDataViewType.Instance, schema["Reasoning"].Type);
        Assert.Equal(TextDataViewType.Instance, schema["PredictedClass"].Type);
        Assert.Equal(TextDataViewType.Instance, schema["Response"].Type);
        var intervals = Assert.IsType<VectorDataViewType>(schema["Intervals"].Type);
        Assert.Equal(NumberDataViewType.Int32, intervals.ItemType);
        Assert.NotNull(schema.GetColumnOrNull("Series"));

        var first = Predict(ml, detector, data);
        var second = Predict(ml, detector, data);
        Assert.Equal(2, first.Count);
        for (int r = 0; r < first.Count; r++)
        {
            Assert.Equal(first[r].Response, second[r].Response);
            Assert.Equal(first[r].Reasoning, second[r].Reasoning);
            Assert.Equal(first[r].Intervals, second[r].Intervals);
            Assert.Equal(first[r].PredictedClass, second[r].PredictedClass);
        }

        var dir = TinyPolicy.TempDir();
        try
        {
            var e = Assert.Throws<NotSupportedException>(() => detector.Save(Path.Combine(dir, "detector")));
            Assert.Contains("FromPolicy", e.Message);
            Assert.ThrowsAny<Exception>(() => ml.Model.Save(detector, data.Schema, Path.Combine(dir, "model.zip")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Estimator_WithPolicyFactory_RunsOneTimerPoStep_OnALoraQwenPolicy()
    {
        var ml = new MLContext(seed: 0);
        QwenVLPolicy? trained = null;
        var options = Options() with
        {
            PolicyFactory = () =>
            {
                var p = TinyPolicy.Create(4);
                p.EnableLora(new QwenVLLoraOptions { Rank = 2, Alpha = 4, Dropout = 0 });
                return trained = p;
            },
            ReferencePolicyFactory = p => ((QwenVLPolicy)p).AsFrozenReference(),
        };
        var data = ml.Data.LoadFromEnumerable(Rows());
        var steps = new List<TimerPoProgress>();
        var detector = ml.AnomalyDetection.Trainers.TimerPO(options with { Progress = new SyncProgress<TimerPoProgress>(steps.Add) }).Fit(data);
        try
        {
            Assert.NotNull(trained);
            Assert.Single(steps);
            Assert.True(detector.IsBoundToPolicyInstance);
            var predictions = Predict(ml, detector, data);
            Assert.Equal(2, predictions.Count);
            Assert.Equal(predictions.Select(p => p.Response), Predict(ml, detector, data).Select(p => p.Response));
        }
        finally
        {
            trained?.Dispose();
        }
    }

    [Fact]
    public void Estimator_WithPolicyFactory_RefusesSftSteps_NamingTheOption()
    {
        var ml = new MLContext(seed: 0);
        var options = Options(sftSteps: 1) with { PolicyFactory = () => TinyPolicy.Create(4) };
        var e = Assert.Throws<ArgumentException>(() => ml.AnomalyDetection.Trainers.TimerPO(options));
        Assert.Equal(nameof(TimerPoDetectorOptions.PolicyFactory), e.ParamName);
        Assert.Contains(nameof(TimerPoDetectorOptions.SftSteps), e.Message);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
