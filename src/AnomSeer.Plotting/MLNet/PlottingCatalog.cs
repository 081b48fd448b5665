using Microsoft.ML;

namespace AnomSeer.Plotting.MLNet;

/// <summary>ML.NET catalog extensions of AnomSeer.Plotting.</summary>
public static class PlottingCatalog
{
    /// <summary>
    /// Renders the series in <paramref name="inputColumnName"/> (a vector of float or double per row) to a plot in
    /// <paramref name="outputColumnName"/>: PNG bytes as <c>VBuffer&lt;byte&gt;</c> (default), or the <c>[C, H, W]</c> float
    /// tensor as <c>VBuffer&lt;float&gt;</c>. Same pixels as <see cref="TimeSeriesPlotRenderer"/> with the same options.
    /// </summary>
    /// <param name="catalog">The transforms catalog (<c>mlContext.Transforms</c>).</param>
    /// <param name="outputColumnName">Name of the new column.</param>
    /// <param name="inputColumnName">Name of the series column.</param>
    /// <param name="options">Drawing options; <see langword="null"/> for the paper's defaults (<see cref="PlotOptions"/>).</param>
    /// <param name="outputKind">PNG bytes or float tensor.</param>
    /// <param name="tensorColorMode">The tensor's channels when <paramref name="outputKind"/> is <see cref="PlotOutputKind.Tensor"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank, or an option is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown <paramref name="outputKind"/> or <paramref name="tensorColorMode"/>.</exception>
    public static TimeSeriesPlotEstimator RenderTimeSeriesPlot(this TransformsCatalog catalog, string outputColumnName,
        string inputColumnName, PlotOptions? options = null, PlotOutputKind outputKind = PlotOutputKind.Png,
        TensorColorMode tensorColorMode = TensorColorMode.Rgb)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        ArgumentException.ThrowIfNullOrWhiteSpace(inputColumnName);
        if (!Enum.IsDefined(outputKind)) throw new ArgumentOutOfRangeException(nameof(outputKind), outputKind, "Unknown PlotOutputKind.");
        if (!Enum.IsDefined(tensorColorMode)) throw new ArgumentOutOfRangeException(nameof(tensorColorMode), tensorColorMode, "Unknown TensorColorMode.");
        options ??= new PlotOptions();
        options.Validate();
        return new TimeSeriesPlotEstimator(catalog, outputColumnName, inputColumnName, options, outputKind, tensorColorMode);
    }
}
