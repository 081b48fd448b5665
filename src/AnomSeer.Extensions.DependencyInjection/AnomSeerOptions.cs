using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;
using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;
using AnomSeer.Plotting;
using AnomSeer.Training;

namespace AnomSeer.Extensions.DependencyInjection;

/// <summary>
/// Everything <c>services.AddAnomSeer(...)</c> configures, one property per component. Each component's
/// options keep their own paper defaults; bind from configuration with the section layout
/// <c>AnomSeer:Plot:Width</c>, <c>AnomSeer:Sinkhorn:Epsilon</c>, <c>AnomSeer:SinkhornProvider:Provider</c>,
/// <c>AnomSeer:Sft:BatchSize</c>, <c>AnomSeer:TimerPo:Mode</c>, <c>AnomSeer:TimerPo:Advantage:Alpha</c>, ...
/// </summary>
public sealed class AnomSeerOptions
{
    /// <summary>The conventional configuration section name, "AnomSeer".</summary>
    public const string SectionName = "AnomSeer";

    /// <summary>Plot rendering (paper defaults: 1000 × 150 px, steelblue, y in (−1, 1)).</summary>
    public PlotOptions Plot { get; set; } = new();

    /// <summary>ExpCoT generation (spec b.3 thresholds).</summary>
    public ExpCotOptions ExpCot { get; set; } = new();

    /// <summary>The expert detector (inference mode).</summary>
    public ExpertDetectorOptions Detector { get; set; } = new();

    // The defaults below are copies (`with { }`) of the shared static instances: the configuration binder writes into
    // the instance a property already holds, and would otherwise change SinkhornOptions.Paper (and the others) for the
    // whole process.

    /// <summary>Sinkhorn (paper: ε = 0.08, 50 iterations).</summary>
    public SinkhornOptions Sinkhorn { get; set; } = SinkhornOptions.Paper with { };

    /// <summary>CPU or CUDA Sinkhorn; <c>Auto</c> probes for a device (the environment variable ANOMSEER_SINKHORN can force it).</summary>
    public SinkhornProviderOptions SinkhornProvider { get; set; } = new() { Cuda = CudaSinkhornSolverOptions.Default with { } };

    /// <summary>Reward weights (paper: 0.7 / 0.2 / 0.1).</summary>
    public RewardWeights Reward { get; set; } = RewardWeights.Paper with { };

    /// <summary>Supervised fine-tuning (<see cref="SftTrainerFactory"/>); the compact policy's defaults.</summary>
    public SftOptions Sft { get; set; } = new();

    /// <summary>TimerPO and its ablations (<see cref="TimerPoTrainerFactory"/>); the paper's defaults (spec b.9).</summary>
    public TimerPoOptions TimerPo { get; set; } = new() { Advantage = TimerPoAdvantageOptions.Paper with { } };

    /// <summary>Validates every component's options.</summary>
    /// <exception cref="ArgumentException">A component's options are invalid; the message names it.</exception>
    public void Validate()
    {
        Check(nameof(Plot), Plot, () => Plot.Validate());
        Check(nameof(ExpCot), ExpCot, () => ExpCot.Validate());
        Check(nameof(Detector), Detector, () => Detector.Validate());
        Check(nameof(Sinkhorn), Sinkhorn, () => Sinkhorn.Validate());
        Check(nameof(SinkhornProvider), SinkhornProvider, () => SinkhornProvider.Cuda.Validate());
        Check(nameof(Reward), Reward, () => Reward.Validate());
        Check(nameof(Sft), Sft, () => Sft.Validate());
        Check(nameof(TimerPo), TimerPo, () => TimerPo.Validate());
    }

    private static void Check(string name, object? value, Action validate)
    {
        if (value is null) throw new ArgumentNullException(name, $"AnomSeer:{name} is null.");
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"AnomSeer:{name}: {e.Message}", name, e);
        }
    }
}
