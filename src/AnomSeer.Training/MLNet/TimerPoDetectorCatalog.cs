using Microsoft.ML;

namespace AnomSeer.Training.MLNet;

/// <summary>ML.NET catalog extensions of AnomSeer.Training.</summary>
public static class TimerPoDetectorCatalog
{
    /// <summary>
    /// Trains a policy (AnomSeer-Tiny, or any IPolicyModel through TimerPoDetectorOptions.PolicyFactory) with TimerPO (after an optional SFT warm-up for AnomSeer-Tiny) on rows of (series, ground-truth
    /// intervals, class, task) and returns a <see cref="TimerPoDetector"/> that adds reasoning, intervals and class columns
    /// (see <see cref="TimerPoDetectorEstimator"/>).
    /// </summary>
    /// <param name="catalog">The anomaly-detection trainers catalog (<c>mlContext.AnomalyDetection.Trainers</c>).</param>
    /// <param name="options">Settings; null for the defaults of <see cref="TimerPoDetectorOptions"/> (a fresh default
    /// AnomSeer-Tiny, no warm-up, 100 TimerPO steps with the paper's settings).</param>
    /// <example>
    /// <code>
    /// var detector = mlContext.AnomalyDetection.Trainers.TimerPO(new TimerPoDetectorOptions
    /// {
    ///     InitialCheckpoint = "models/anomseer-tiny-sft", TimerPoSteps = 200,
    /// }).Fit(trainingRows);
    /// var scored = detector.Transform(rows);          // + Reasoning, Intervals, PredictedClass
    /// detector.Save("models/my-detector");            // TimerPoDetector.Load(mlContext, "models/my-detector")
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank, output names collide, more than one starting policy
    /// is set, or SFT steps are asked with <see cref="TimerPoDetectorOptions.PolicyFactory"/> (any <c>IPolicyModel</c>:
    /// TimerPO only).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A step count or a nested option is out of range.</exception>
    public static TimerPoDetectorEstimator TimerPO(this AnomalyDetectionCatalog.AnomalyDetectionTrainers catalog,
        TimerPoDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new TimerPoDetectorOptions();
        options.Validate();
        return new TimerPoDetectorEstimator(options);
    }
}
