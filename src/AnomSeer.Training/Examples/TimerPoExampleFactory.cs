using AnomSeer.Data.Samples;
using AnomSeer.ExpCoT;
using AnomSeer.Plotting;
using AnomSeer.Policy;

namespace AnomSeer.Training;

/// <summary>
/// Turns labelled samples into <see cref="TimerPoExample"/>s: renders the plot the policy reads, keeps the series, and
/// writes the sample's ExpCoT (spec b.3, training mode: the ground truth is known).
/// </summary>
public sealed class TimerPoExampleFactory
{
    private readonly TimeSeriesPlotRenderer _renderer;
    private readonly ExpCotGenerator _expCot;
    private readonly TensorColorMode _colorMode;

    /// <summary>Creates a factory.</summary>
    /// <param name="renderer">The renderer; its image size must match the policy's configuration. Null for the defaults.</param>
    /// <param name="expCot">The ExpCoT generator; null for the released code's defaults.</param>
    /// <param name="colorMode">The tensor channels; must match the policy's channel count.</param>
    public TimerPoExampleFactory(TimeSeriesPlotRenderer? renderer = null, ExpCotGenerator? expCot = null,
        TensorColorMode colorMode = TensorColorMode.Rgb)
    {
        _renderer = renderer ?? new TimeSeriesPlotRenderer();
        _expCot = expCot ?? new ExpCotGenerator();
        _colorMode = colorMode;
    }

    /// <summary>Builds the example of one sample. A sample with no class gets the ExpCoT of a normal class, and its reward
    /// has no class term.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    public TimerPoExample Create(TsadSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var plot = _renderer.Render(sample.AsSpan());
        var image = PlotImage.FromRenderedPlot(plot, _colorMode);
        var series = sample.Values.Select(v => (float)v).ToArray();
        var input = new PolicyInput(image, series);
        var trace = _expCot.Generate(sample.AsSpan(), sample.Intervals, sample.Class ?? AnomalyClass.Normal, sample.Task, cancellationToken);
        return new TimerPoExample(input, sample.Intervals, sample.Class, trace.Text, sample.Id, sample.Task);
    }

    /// <summary>Builds the examples of many samples, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public IReadOnlyList<TimerPoExample> CreateAll(IEnumerable<TsadSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var list = new List<TimerPoExample>();
        foreach (var s in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(Create(s, cancellationToken));
        }
        return list;
    }
}
