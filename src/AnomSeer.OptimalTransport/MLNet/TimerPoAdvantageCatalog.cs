using Microsoft.ML;

namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>ML.NET catalog extensions of AnomSeer.OptimalTransport.</summary>
public static class TimerPoAdvantageCatalog
{
    /// <summary>
    /// Computes the TimerPO advantages of each row's prompt group (see <see cref="TimerPoAdvantageEstimator"/>).
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="hiddenDimension">Features per token of the hidden-state columns, at least 1.</param>
    /// <param name="columns">Column names; the defaults of <see cref="TimerPoAdvantageColumnNames"/> when null.</param>
    /// <param name="options">Settings; <see cref="TimerPoAdvantageOptions.Paper"/> when null.</param>
    /// <example>
    /// <code>
    /// var model = mlContext.Transforms.ComputeTimerPoAdvantages(hiddenDimension: 2048).Fit(groups);
    /// var scored = model.Transform(groups);   // + Advantages, TransportCosts, Similarities
    /// </code>
    /// </example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hiddenDimension"/> below 1 or invalid options.</exception>
    public static TimerPoAdvantageEstimator ComputeTimerPoAdvantages(this TransformsCatalog catalog, int hiddenDimension,
        TimerPoAdvantageColumnNames? columns = null, TimerPoAdvantageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenDimension, 1);
        options ??= TimerPoAdvantageOptions.Paper;
        options.Validate();
        return new TimerPoAdvantageEstimator(catalog, hiddenDimension, columns ?? new TimerPoAdvantageColumnNames(), options);
    }
}
