using AnomSeer.Answers;
using AnomSeer.Plotting;
using AnomSeer.Policy;

namespace AnomSeer.Training.MLNet;

/// <summary>A decoded detector: its policy, renderer and settings. Answers one series at a time; not thread-safe (the
/// mapping keeps one per thread), except with <c>serialise</c>, where calls take a lock (a detector bound to one shared
/// policy instance).</summary>
internal sealed class DetectorRuntime : IDisposable
{
    private readonly IPolicyModel _policy;
    private readonly TimeSeriesPlotRenderer _renderer;
    private readonly TimerPoDetectorSettings _settings;
    private readonly Lock? _gate;

    internal DetectorRuntime(IPolicyModel policy, TimerPoDetectorSettings settings, bool serialise = false)
    {
        _policy = policy;
        _gate = serialise ? new Lock() : null;
        _settings = settings;
        _renderer = new TimeSeriesPlotRenderer(settings.PlotOptions);
    }

    internal static DetectorRuntime FromState(double[] state)
    {
        var package = DetectorPackage.FromState(state);
        return new DetectorRuntime(package.CreatePolicy(), package.Description.Settings);
    }

    /// <summary>One response for <paramref name="series"/>, as <see cref="TimerPoExampleFactory"/> builds the input in
    /// training: the plot drawn from the values, and the values as floats.</summary>
    internal (string Response, ParsedAnswer Answer) Detect(ReadOnlySpan<double> series)
    {
        SampledResponse response;
        if (_gate is null)
        {
            response = _policy.Sample([Input(series, _renderer, _settings.ColorMode)], _settings.Sampling)[0];
        }
        else
        {
            lock (_gate) response = _policy.Sample([Input(series, _renderer, _settings.ColorMode)], _settings.Sampling)[0];
        }
        return (response.Text, AnswerParser.Parse(response.Text));
    }

    internal static PolicyInput Input(ReadOnlySpan<double> series, TimeSeriesPlotRenderer renderer, TensorColorMode mode)
    {
        var image = PlotImage.FromRenderedPlot(renderer.Render(series), mode);
        var values = new float[series.Length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)series[i];
        return new PolicyInput(image, values);
    }

    public void Dispose() => _policy.Dispose();
}
