using AnomSeer.Training.MLNet;
using Microsoft.ML;

namespace AnomSeer.Training.Tests.MLNet;

/// <summary>One fit (1 SFT step + 1 TimerPO step on the tiny rows) shared by the detector tests.</summary>
public sealed class MLNetDetectorFixture
{
    public MLNetDetectorFixture()
    {
        Ml = new MLContext(seed: 1);
        Data = Ml.Data.LoadFromEnumerable(MLNetTinyData.Rows());
        var options = MLNetTinyData.Options() with
        {
            SftProgress = new SyncProgress<SftProgress>(_ => SftReports++),
            Progress = new SyncProgress<TimerPoProgress>(_ => TimerPoReports++),
        };
        Detector = Ml.AnomalyDetection.Trainers.TimerPO(options).Fit(Data);
        Predictions = MLNetTinyData.Predict(Ml, Detector, Data);
    }

    public MLContext Ml { get; }

    public IDataView Data { get; }

    public TimerPoDetector Detector { get; }

    internal List<MLNetTinyData.Prediction> Predictions { get; }

    public int SftReports { get; private set; }

    public int TimerPoReports { get; private set; }
}

/// <summary>The test classes that share the one fitted detector (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MLNetDetectorCollection : ICollectionFixture<MLNetDetectorFixture>
{
    public const string Name = "MLNet TimerPO detector";
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (no synchronisation context).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
