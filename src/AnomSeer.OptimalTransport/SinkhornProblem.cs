using System.Numerics;

namespace AnomSeer.OptimalTransport;

/// <summary>
/// One entropic OT problem: a row-major cost matrix <c>C</c> of <see cref="Rows"/> × <see cref="Columns"/>
/// entries and the masses <c>a</c> (one per row) and <c>b</c> (one per column). No data is copied.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>
/// The shapes are checked here; the values (masses and costs finite and non-negative) are checked by the
/// solver. Masses need not sum to 1: as in the paper (spec b.5 step 5) each side is clamped to at least
/// 1e-12 and renormalised to sum 1 before solving. A problem with 0 rows or 0 columns is allowed and
/// solves to <c>W = 1.0</c> (spec b.5: "if either side has no valid tokens, W = 1.0").
/// </remarks>
public readonly struct SinkhornProblem<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a problem over existing buffers.</summary>
    /// <param name="cost">Row-major costs, <c>cost[i * columns + j] = C_ij</c>, exactly <c>rows * columns</c> long.</param>
    /// <param name="rows">Number of source points (rows), at least 0.</param>
    /// <param name="columns">Number of target points (columns), at least 0.</param>
    /// <param name="rowMass">Source masses <c>a</c>, <paramref name="rows"/> long.</param>
    /// <param name="columnMass">Target masses <c>b</c>, <paramref name="columns"/> long.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative size.</exception>
    /// <exception cref="ArgumentException">A buffer length that does not match the sizes; the parameter is named.</exception>
    public SinkhornProblem(ReadOnlyMemory<T> cost, int rows, int columns, ReadOnlyMemory<T> rowMass, ReadOnlyMemory<T> columnMass)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != cost.Length)
            throw new ArgumentException($"The cost buffer has {cost.Length} entries but rows × columns = {rows} × {columns} = {(long)rows * columns}.", nameof(cost));
        if (rowMass.Length != rows)
            throw new ArgumentException($"The row mass has {rowMass.Length} entries but there are {rows} rows.", nameof(rowMass));
        if (columnMass.Length != columns)
            throw new ArgumentException($"The column mass has {columnMass.Length} entries but there are {columns} columns.", nameof(columnMass));
        Cost = cost;
        Rows = rows;
        Columns = columns;
        RowMass = rowMass;
        ColumnMass = columnMass;
    }

    /// <summary>Row-major costs, <see cref="Rows"/> × <see cref="Columns"/>.</summary>
    public ReadOnlyMemory<T> Cost { get; }

    /// <summary>Number of rows (source points).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (target points).</summary>
    public int Columns { get; }

    /// <summary>Source masses <c>a</c>, one per row.</summary>
    public ReadOnlyMemory<T> RowMass { get; }

    /// <summary>Target masses <c>b</c>, one per column.</summary>
    public ReadOnlyMemory<T> ColumnMass { get; }

    /// <summary>Whether a side is empty, in which case the solution is <c>W = 1.0</c> by convention.</summary>
    public bool IsEmpty => Rows == 0 || Columns == 0;
}
