namespace AnomSeer.OptimalTransport;

/// <summary>
/// A token sequence's hidden states: <see cref="Rows"/> tokens × <see cref="Dimension"/> features, row-major
/// float32 (one row per token, as a model's last layer emits them). No data is copied.
/// </summary>
public readonly struct HiddenStates
{
    /// <summary>Wraps a row-major buffer.</summary>
    /// <param name="values">Row-major values, <c>rows * dimension</c> long.</param>
    /// <param name="rows">Number of tokens (0 allowed: an empty side, W = 1.0 by convention).</param>
    /// <param name="dimension">Features per token, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative row count or a dimension below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not <c>rows * dimension</c> long.</exception>
    public HiddenStates(ReadOnlyMemory<float> values, int rows, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if ((long)rows * dimension != values.Length)
            throw new ArgumentException($"Got {values.Length} values for {rows} rows × {dimension} features = {(long)rows * dimension}.", nameof(values));
        Values = values;
        Rows = rows;
        Dimension = dimension;
    }

    /// <summary>Row-major values.</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>Number of tokens.</summary>
    public int Rows { get; }

    /// <summary>Features per token.</summary>
    public int Dimension { get; }

    /// <summary>The features of token <paramref name="row"/>.</summary>
    public ReadOnlySpan<float> Row(int row) => Values.Span.Slice(row * Dimension, Dimension);
}
