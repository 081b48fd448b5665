using AnomSeer.ExpCoT.Detection;
using Microsoft.ML;

namespace AnomSeer.ExpCoT.MLNet;

/// <summary>ML.NET catalog extensions of AnomSeer.ExpCoT.</summary>
public static class ExpCotCatalog
{
    /// <summary>
    /// Writes the ExpCoT of every row (method spec b.3) into <paramref name="outputColumnName"/> (text), the chosen
    /// expert's class name into <paramref name="expertClassColumnName"/> and its intervals into
    /// <paramref name="expertIntervalsColumnName"/> (<c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>). Same text as
    /// <see cref="ExpCotGenerator"/> with the same options.
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="outputColumnName">The ExpCoT text column.</param>
    /// <param name="seriesColumnName">The series (vector of Single or Double).</param>
    /// <param name="groundTruthColumnName">Ground-truth intervals as a numeric vector <c>[s0, e0, s1, e1, …]</c> (empty for none).</param>
    /// <param name="classColumnName">Ground-truth class name (text, parsed tolerantly, e.g. "global point").</param>
    /// <param name="taskColumnName">Task name (text, e.g. "noisy-freq").</param>
    /// <param name="options">Options; <see langword="null"/> for the released code's defaults.</param>
    /// <param name="expertClassColumnName">Defaults to <c>{outputColumnName}ExpertClass</c>.</param>
    /// <param name="expertIntervalsColumnName">Defaults to <c>{outputColumnName}ExpertIntervals</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ExpCotEstimator GenerateExpCot(this TransformsCatalog catalog, string outputColumnName = "ExpCot",
        string seriesColumnName = "Series", string groundTruthColumnName = "GroundTruth", string classColumnName = "Class",
        string taskColumnName = "Task", ExpCotOptions? options = null, string? expertClassColumnName = null,
        string? expertIntervalsColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(seriesColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(groundTruthColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(classColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskColumnName);
        options = (options ?? new ExpCotOptions()).Clone();
        options.Validate();
        return new ExpCotEstimator(outputColumnName, expertClassColumnName ?? outputColumnName + "ExpertClass",
            expertIntervalsColumnName ?? outputColumnName + "ExpertIntervals", seriesColumnName, groundTruthColumnName,
            classColumnName, taskColumnName, options);
    }

    /// <summary>
    /// Runs the <see cref="ExpertDetector"/> on every row's series and writes reasoning, intervals
    /// (<c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c>) and class name. Same answers as <see cref="ExpertDetector.Detect(ReadOnlySpan{double}, CancellationToken)"/>.
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="seriesColumnName">The series (vector of Single or Double).</param>
    /// <param name="reasoningColumnName">Reasoning column written.</param>
    /// <param name="intervalsColumnName">Intervals column written.</param>
    /// <param name="classColumnName">Class-name column written.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults tuned on the train split.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ExpertDetectorEstimator DetectAnomaliesWithExpert(this TransformsCatalog catalog, string seriesColumnName = "Series",
        string reasoningColumnName = "Reasoning", string intervalsColumnName = "Intervals", string classColumnName = "PredictedClass",
        ExpertDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(seriesColumnName, reasoningColumnName, intervalsColumnName, classColumnName, options);
    }

    /// <summary>The same estimator as <see cref="DetectAnomaliesWithExpert"/>, from <c>mlContext.AnomalyDetection</c>.</summary>
    /// <param name="catalog">The anomaly-detection catalog (<c>mlContext.AnomalyDetection</c>).</param>
    /// <param name="seriesColumnName">The series (vector of Single or Double).</param>
    /// <param name="reasoningColumnName">Reasoning column written.</param>
    /// <param name="intervalsColumnName">Intervals column written.</param>
    /// <param name="classColumnName">Class-name column written.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults tuned on the train split.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ExpertDetectorEstimator DetectWithExpert(this AnomalyDetectionCatalog catalog, string seriesColumnName = "Series",
        string reasoningColumnName = "Reasoning", string intervalsColumnName = "Intervals", string classColumnName = "PredictedClass",
        ExpertDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(seriesColumnName, reasoningColumnName, intervalsColumnName, classColumnName, options);
    }

    private static ExpertDetectorEstimator Create(string series, string reasoning, string intervals, string cls, ExpertDetectorOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series, "seriesColumnName");
        ArgumentException.ThrowIfNullOrWhiteSpace(reasoning, "reasoningColumnName");
        ArgumentException.ThrowIfNullOrWhiteSpace(intervals, "intervalsColumnName");
        ArgumentException.ThrowIfNullOrWhiteSpace(cls, "classColumnName");
        options = (options ?? new ExpertDetectorOptions()).Clone();
        options.Validate();
        return new ExpertDetectorEstimator(series, reasoning, intervals, cls, options);
    }
}
