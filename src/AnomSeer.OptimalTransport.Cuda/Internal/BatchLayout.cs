namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>
/// The host-side plan of a batch on the device: which input problems are solved (the non-empty ones), where
/// each one's rows, columns and cost block start, and the tables that map a warp to its row and a group to
/// its column block or cost tile.
/// </summary>
internal sealed class BatchLayout
{
    private BatchLayout(int[] source, int[] rows, int[] columns, int[] rowOffset, int[] columnOffset, long[] costOffset,
        int totalRows, int totalColumns, long totalCost)
    {
        Source = source; Rows = rows; Columns = columns; RowOffset = rowOffset; ColumnOffset = columnOffset;
        CostOffset = costOffset; TotalRows = totalRows; TotalColumns = totalColumns; TotalCost = totalCost;
    }

    /// <summary>For each device problem, its index in the caller's list.</summary>
    public int[] Source { get; }

    public int[] Rows { get; }
    public int[] Columns { get; }
    public int[] RowOffset { get; }
    public int[] ColumnOffset { get; }
    public long[] CostOffset { get; }
    public int TotalRows { get; }
    public int TotalColumns { get; }
    public long TotalCost { get; }

    /// <summary>Number of problems on the device.</summary>
    public int Count => Source.Length;

    /// <summary>Lays out the non-empty problems among <paramref name="count"/> with the given sizes.</summary>
    /// <exception cref="ArgumentException">The batch holds more rows or columns than a 32-bit index allows.</exception>
    public static BatchLayout Create(int count, Func<int, int> rowsOf, Func<int, int> columnsOf, string paramName)
    {
        var source = new List<int>(count);
        for (int p = 0; p < count; p++)
            if (rowsOf(p) > 0 && columnsOf(p) > 0) source.Add(p);
        int k = source.Count;
        var rows = new int[k]; var columns = new int[k]; var rowOffset = new int[k]; var columnOffset = new int[k];
        var costOffset = new long[k];
        long totalRows = 0, totalColumns = 0, totalCost = 0;
        for (int q = 0; q < k; q++)
        {
            rows[q] = rowsOf(source[q]);
            columns[q] = columnsOf(source[q]);
            rowOffset[q] = (int)totalRows;
            columnOffset[q] = (int)totalColumns;
            costOffset[q] = totalCost;
            totalRows += rows[q];
            totalColumns += columns[q];
            totalCost += (long)rows[q] * columns[q];
            if (totalRows > int.MaxValue || totalColumns > int.MaxValue)
                throw new ArgumentException("The batch has more than 2^31 rows or columns in total; split it.", paramName);
        }
        return new BatchLayout(source.ToArray(), rows, columns, rowOffset, columnOffset, costOffset, (int)totalRows, (int)totalColumns, totalCost);
    }

    /// <summary>The problem of every global row.</summary>
    public int[] RowProblems()
    {
        var table = new int[TotalRows];
        for (int q = 0; q < Count; q++) table.AsSpan(RowOffset[q], Rows[q]).Fill(q);
        return table;
    }

    /// <summary>Column blocks of <paramref name="width"/> columns: (problem, first column) per block.</summary>
    public (int[] Problem, int[] Start) ColumnBlocks(int width)
    {
        var problem = new List<int>(); var start = new List<int>();
        for (int q = 0; q < Count; q++)
            for (int j = 0; j < Columns[q]; j += width) { problem.Add(q); start.Add(j); }
        return (problem.ToArray(), start.ToArray());
    }

    /// <summary>Square cost tiles of <paramref name="side"/>: (problem, first row, first column) per tile.</summary>
    public (int[] Problem, int[] Row, int[] Column) Tiles(int side)
    {
        var problem = new List<int>(); var row = new List<int>(); var column = new List<int>();
        for (int q = 0; q < Count; q++)
            for (int i = 0; i < Rows[q]; i += side)
                for (int j = 0; j < Columns[q]; j += side) { problem.Add(q); row.Add(i); column.Add(j); }
        return (problem.ToArray(), row.ToArray(), column.ToArray());
    }
}
