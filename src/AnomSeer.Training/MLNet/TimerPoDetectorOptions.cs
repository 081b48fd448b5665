using AnomSeer.ExpCoT;
using AnomSeer.OptimalTransport;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Policy.Tokenization;
using Microsoft.Extensions.Logging;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// Settings of <see cref="TimerPoDetectorEstimator"/> (<c>mlContext.AnomalyDetection.Trainers.TimerPO(options)</c>): the
/// column names, where the policy starts from, the optional SFT warm-up, the TimerPO run, and how the fitted
/// <see cref="TimerPoDetector"/> renders and samples.
/// </summary>
/// <remarks>
/// The starting policy is one of <see cref="InitialCheckpoint"/>, <see cref="InitialPolicyFactory"/> or
/// <see cref="PolicyConfig"/> (at most one may be set); with none, a fresh AnomSeer-Tiny of the default
/// <see cref="TinyPolicyConfig"/> is built, with a tokenizer built from the training rows' ExpCoT texts. Only AnomSeer-Tiny
/// policies (<see cref="TinyPolicyModel"/>) are supported: the detector saves its policy as a
/// <see cref="AnomSeer.Policy.Checkpoints.PolicyCheckpoint"/> folder, and the SFT warm-up trains a Tiny model.
/// Any other <see cref="IPolicyModel"/> (for example a Qwen2.5-VL policy) is trained through <see cref="PolicyFactory"/>:
/// TimerPO only, and the detector is bound to that policy instance (it cannot be saved; see
/// <see cref="TimerPoDetector.FromPolicy(Microsoft.ML.MLContext, IPolicyModel, TimerPoDetectorOptions?)"/>).
/// </remarks>
public sealed record TimerPoDetectorOptions
{
    /// <summary>Default values.</summary>
    public static class Defaults
    {
        /// <summary>TimerPO steps of a fit: 100 (a starting point, not tuned by long runs; see docs/training.md).</summary>
        public const int TimerPoSteps = 100;

        /// <summary>SFT warm-up steps: 0 (no warm-up).</summary>
        public const int SftSteps = 0;

        /// <summary>Seed 0.</summary>
        public const int Seed = 0;
    }

    /// <summary>Input: the series, a vector of Single or Double. Default "Series".</summary>
    public string SeriesColumnName { get; init; } = "Series";

    /// <summary>Input (training only): the ground-truth half-open intervals as a numeric vector
    /// <c>[s0, e0, s1, e1, …]</c> (Int32, Int64, Single or Double; empty for a normal series), the convention of
    /// <c>GenerateExpCot</c>. Default "GroundTruth".</summary>
    public string GroundTruthColumnName { get; init; } = "GroundTruth";

    /// <summary>Input (training only): the ground-truth class name (text, parsed tolerantly, e.g. "global point"); an
    /// empty value means unknown (the reward then has no class term). Default "Class".</summary>
    public string ClassColumnName { get; init; } = "Class";

    /// <summary>Input (training only): the task name (text, e.g. "noisy-freq"; it steers the ExpCoT's expert routing).
    /// Default "Task".</summary>
    public string TaskColumnName { get; init; } = "Task";

    /// <summary>Output: the reasoning inside <c>&lt;think&gt;…&lt;/think&gt;</c> (text; empty when the response has
    /// none). Default "Reasoning".</summary>
    public string ReasoningColumnName { get; init; } = "Reasoning";

    /// <summary>Output: the predicted intervals, <c>Vector&lt;Int32&gt;</c> <c>[s0, e0, …]</c> (empty for "no anomaly" and
    /// for an unparseable answer). Default "Intervals".</summary>
    public string IntervalsColumnName { get; init; } = "Intervals";

    /// <summary>Output: the predicted class name (text, canonical, e.g. "global point"; empty when the response names
    /// no class). Default "PredictedClass".</summary>
    public string PredictedClassColumnName { get; init; } = "PredictedClass";

    /// <summary>Output, optional: the raw response text (to check the format yourself with <c>AnswerParser</c>); null
    /// (default) adds no such column.</summary>
    public string? ResponseColumnName { get; init; }

    /// <summary>The TimerPO settings (the paper's defaults; see <see cref="TimerPoOptions"/>). The detector samples with
    /// its <see cref="TimerPoOptions.EvaluationTemperature"/> (0.4), <see cref="TimerPoOptions.TopP"/> and
    /// <see cref="TimerPoOptions.MaxResponseTokens"/>.</summary>
    public TimerPoOptions TimerPo { get; init; } = new();

    /// <summary>TimerPO steps to run, at least 0. Default <see cref="Defaults.TimerPoSteps"/>.</summary>
    public long TimerPoSteps { get; init; } = Defaults.TimerPoSteps;

    /// <summary>The SFT warm-up settings; null uses <see cref="SftOptions"/>' defaults when <see cref="SftSteps"/> &gt; 0.</summary>
    public SftOptions? Sft { get; init; }

    /// <summary>SFT warm-up steps run before TimerPO, at least 0; 0 (default) skips the warm-up.</summary>
    public long SftSteps { get; init; } = Defaults.SftSteps;

    /// <summary>Start from this AnomSeer-Tiny checkpoint folder (for example the SFT checkpoint); null for none.</summary>
    public string? InitialCheckpoint { get; init; }

    /// <summary>Start from the model this factory returns (called once per fit; the fit takes ownership and disposes it);
    /// null for none.</summary>
    public Func<TinyPolicyModel>? InitialPolicyFactory { get; init; }

    /// <summary>Start from a fresh model of this architecture (its <see cref="TinyPolicyConfig.VocabSize"/> is taken from
    /// the tokenizer built from the training rows' ExpCoT texts), initialised with <see cref="Seed"/>; null for none. When
    /// no starting policy is set at all, the default <see cref="TinyPolicyConfig"/> is used.</summary>
    public TinyPolicyConfig? PolicyConfig { get; init; }

    /// <summary>
    /// Train any <see cref="IPolicyModel"/> (not only AnomSeer-Tiny): the fit calls this once for the policy it trains
    /// with TimerPO and returns a detector bound to that instance (the detector keeps it; nothing disposes it). Excludes
    /// the other starting policies and an SFT warm-up (<see cref="SftSteps"/> must be 0). Null (default) for the
    /// AnomSeer-Tiny path. To start from a checkpoint folder, wrap a loader: <c>() =&gt; loader.Load(folder)</c>.
    /// </summary>
    public Func<IPolicyModel>? PolicyFactory { get; init; }

    /// <summary>
    /// With <see cref="PolicyFactory"/>: returns TimerPO's frozen reference policy for the policy being trained (for a
    /// LoRA Qwen2.5-VL policy, <c>p =&gt; ((QwenVLPolicy)p).AsFrozenReference()</c>); the fit disposes it. Null (default)
    /// calls <see cref="PolicyFactory"/> a second time, which must then return the same starting weights.
    /// </summary>
    public Func<IPolicyModel, IPolicyModel>? ReferencePolicyFactory { get; init; }

    /// <summary>Options of the tokenizer built for a fresh model; null for the defaults.</summary>
    public PolicyTokenizerOptions? TokenizerOptions { get; init; }

    /// <summary>
    /// How series are drawn, in training and in detection. Null (default) uses <see cref="Plotting.PlotOptions"/>' defaults
    /// (the AnomLLM look with y fixed to (−1, 1), as <see cref="TimerPoExampleFactory"/> draws) at the policy's image size;
    /// for real data whose values leave (−1, 1), set <c>YAxisMode = YAxisMode.Auto</c>. Its width and height must equal the
    /// policy's image size.
    /// </summary>
    public PlotOptions? PlotOptions { get; init; }

    /// <summary>Options of the ExpCoT written for each training row (the SFT target and TimerPO's OT reference); null for
    /// the released code's defaults.</summary>
    public ExpCotOptions? ExpCot { get; init; }

    /// <summary>The Sinkhorn solver of TimerPO (CPU or CUDA provider); null for the CPU solver.</summary>
    public ISinkhornSolver? Solver { get; init; }

    /// <summary>Receives the trainers' log lines; null for none.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Receives a report after every SFT step; null for none.</summary>
    public IProgress<SftProgress>? SftProgress { get; init; }

    /// <summary>Receives a report after every TimerPO step; null for none.</summary>
    public IProgress<TimerPoProgress>? Progress { get; init; }

    /// <summary>Cancels a fit (checked between rows, between steps and inside them); an <see cref="OperationCanceledException"/>
    /// is thrown.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Seed of a fresh model's weights and of the detector's sampling (each row is answered with this seed, so a
    /// row's answer depends only on its series). The trainers' seeds are <see cref="TimerPoOptions.Seed"/> and
    /// <see cref="SftOptions.Seed"/>. Default <see cref="Defaults.Seed"/>.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A column name is blank, two output columns share a name, more than one
    /// starting policy is set, <see cref="SftSteps"/> &gt; 0 with <see cref="PolicyFactory"/>, or
    /// <see cref="ReferencePolicyFactory"/> without <see cref="PolicyFactory"/>.</exception>
    /// <exception cref="ArgumentNullException"><see cref="TimerPo"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A step count or a nested option is out of range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SeriesColumnName, nameof(SeriesColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(GroundTruthColumnName, nameof(GroundTruthColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ClassColumnName, nameof(ClassColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(TaskColumnName, nameof(TaskColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(ReasoningColumnName, nameof(ReasoningColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(IntervalsColumnName, nameof(IntervalsColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(PredictedClassColumnName, nameof(PredictedClassColumnName));
        if (ResponseColumnName is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(ResponseColumnName, nameof(ResponseColumnName));
        var outputs = new[] { ReasoningColumnName, IntervalsColumnName, PredictedClassColumnName, ResponseColumnName }.OfType<string>().ToArray();
        if (outputs.Distinct(StringComparer.Ordinal).Count() != outputs.Length)
            throw new ArgumentException($"The output column names must differ: {string.Join(", ", outputs.Select(o => $"'{o}'"))}.", nameof(ReasoningColumnName));
        ArgumentNullException.ThrowIfNull(TimerPo, nameof(TimerPo));
        TimerPo.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(TimerPoSteps, nameof(TimerPoSteps));
        ArgumentOutOfRangeException.ThrowIfNegative(SftSteps, nameof(SftSteps));
        Sft?.Validate();
        int starts = (InitialCheckpoint is null ? 0 : 1) + (InitialPolicyFactory is null ? 0 : 1) + (PolicyConfig is null ? 0 : 1)
            + (PolicyFactory is null ? 0 : 1);
        if (starts > 1)
            throw new ArgumentException("Set at most one of InitialCheckpoint, InitialPolicyFactory, PolicyConfig and PolicyFactory.", nameof(InitialCheckpoint));
        if (PolicyFactory is not null && SftSteps > 0)
            throw new ArgumentException(
                $"The SFT warm-up trains AnomSeer-Tiny only: with {nameof(PolicyFactory)} set, {nameof(SftSteps)} must be 0 (it is {SftSteps}).",
                nameof(PolicyFactory));
        if (ReferencePolicyFactory is not null && PolicyFactory is null)
            throw new ArgumentException($"{nameof(ReferencePolicyFactory)} needs {nameof(PolicyFactory)}.", nameof(ReferencePolicyFactory));
        if (InitialCheckpoint is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(InitialCheckpoint, nameof(InitialCheckpoint));
        TokenizerOptions?.Validate();
        PlotOptions?.Validate();
        ExpCot?.Validate();
    }
}
