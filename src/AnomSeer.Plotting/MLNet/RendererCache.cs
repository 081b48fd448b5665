namespace AnomSeer.Plotting.MLNet;

/// <summary>Per-thread cache of the renderer for the last options state seen, so rows do not rebuild it.</summary>
internal static class RendererCache
{
    [ThreadStatic] private static double[]? _lastState;
    [ThreadStatic] private static TimeSeriesPlotRenderer? _lastRenderer;
    [ThreadStatic] private static PlotOutputKind _lastKind;
    [ThreadStatic] private static TensorColorMode _lastMode;

    internal static TimeSeriesPlotRenderer Get(double[] state, out PlotOutputKind kind, out TensorColorMode mode)
    {
        if (_lastRenderer is null || _lastState is null || !state.AsSpan().SequenceEqual(_lastState))
        {
            var (options, k, m) = PlotOptionsState.Decode(state);
            _lastRenderer = new TimeSeriesPlotRenderer(options);
            _lastKind = k;
            _lastMode = m;
            _lastState = (double[])state.Clone();
        }
        kind = _lastKind;
        mode = _lastMode;
        return _lastRenderer;
    }
}
