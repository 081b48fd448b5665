namespace AnomSeer.Training;

/// <summary>Reported through <see cref="IProgress{T}"/> after every step.</summary>
/// <param name="StepsDone">Steps completed so far (including those of a resumed run).</param>
/// <param name="TotalSteps">Steps requested, or 0 when a single step was run on its own.</param>
/// <param name="Metrics">The metrics of the step just finished.</param>
public sealed record TimerPoProgress(long StepsDone, long TotalSteps, TimerPoStepMetrics Metrics);
