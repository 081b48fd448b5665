using AnomSeer.Plotting;
using AnomSeer.Policy;

namespace AnomSeer.Training.MLNet;

/// <summary>
/// How a <see cref="TimerPoDetector"/> answers a row: the series is drawn with <see cref="PlotOptions"/> as a
/// <see cref="ColorMode"/> tensor, and one response is sampled at <see cref="Temperature"/> (the paper's evaluation
/// temperature 0.4 by default) with <see cref="Seed"/>, so the same series always gets the same answer.
/// </summary>
/// <param name="Temperature">Sampling temperature, at least 0 (0 is greedy).</param>
/// <param name="TopP">Nucleus mass in (0, 1].</param>
/// <param name="MaxResponseTokens">Maximum response tokens, at least 1.</param>
/// <param name="Seed">Sampling seed of every row.</param>
/// <param name="PlotOptions">How the series is drawn; its size is the policy's image size.</param>
/// <param name="ColorMode">The tensor channels; matches the policy's channel count.</param>
public sealed record TimerPoDetectorSettings(double Temperature, double TopP, int MaxResponseTokens, int Seed,
    PlotOptions PlotOptions, TensorColorMode ColorMode)
{
    /// <summary>The sampling options of one row.</summary>
    public SamplingOptions Sampling => new()
    {
        ResponsesPerPrompt = 1,
        Temperature = Temperature,
        TopP = TopP,
        MaxNewTokens = MaxResponseTokens,
        Seed = Seed,
    };

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="PlotOptions"/> is null.</exception>
    public void Validate()
    {
        Sampling.Validate();
        ArgumentNullException.ThrowIfNull(PlotOptions, nameof(PlotOptions));
        PlotOptions.Validate();
        if (!Enum.IsDefined(ColorMode)) throw new ArgumentOutOfRangeException(nameof(ColorMode), ColorMode, "Unknown colour mode.");
    }
}
