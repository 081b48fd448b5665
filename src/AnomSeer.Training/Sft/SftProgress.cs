using AnomSeer.Metrics;

namespace AnomSeer.Training;

/// <summary>Progress of <see cref="SftTrainer.Train"/>, reported after every step.</summary>
/// <param name="StepsDone">Steps completed.</param>
/// <param name="TotalSteps">The step count the run goes to.</param>
/// <param name="Metrics">The metrics of the step just done.</param>
/// <param name="Evaluation">The held-out report when this step ran an evaluation; otherwise null.</param>
public sealed record SftProgress(long StepsDone, long TotalSteps, SftStepMetrics Metrics, EvaluationReport? Evaluation = null);

/// <summary>The metrics of one SFT step.</summary>
/// <param name="Step">The 0-based step index.</param>
/// <param name="Loss">The optimised loss: token loss plus the weighted anomaly-head loss.</param>
/// <param name="TokenLoss">Mean negative log-likelihood per target token.</param>
/// <param name="AnomalyHeadLoss">The auxiliary anomaly-head loss (unweighted).</param>
/// <param name="GradNorm">The global gradient norm before clipping.</param>
/// <param name="LearningRate">The learning rate used.</param>
/// <param name="Examples">Examples in the batch.</param>
/// <param name="Tokens">Target tokens in the batch.</param>
/// <param name="Seconds">Wall time of the step.</param>
public sealed record SftStepMetrics(long Step, double Loss, double TokenLoss, double AnomalyHeadLoss, double GradNorm,
    double LearningRate, int Examples, int Tokens, double Seconds);
