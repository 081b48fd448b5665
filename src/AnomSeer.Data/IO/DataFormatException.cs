namespace AnomSeer.Data.IO;

/// <summary>
/// A data file is malformed. The message names the file, and the line (1-based) and column where known;
/// the same facts are available as properties.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception; the message is prefixed with <c>file:line:column: </c>.</summary>
    /// <param name="filePath">The file.</param>
    /// <param name="line">1-based line number, or 0 when not applicable.</param>
    /// <param name="column">1-based column number, or 0 when not applicable.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public DataFormatException(string filePath, int line, int column, string reason, Exception? inner = null)
        : base(Format(filePath, line, column, reason), inner)
    {
        FilePath = filePath;
        LineNumber = line;
        ColumnNumber = column;
        Reason = reason;
    }

    /// <summary>The malformed file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line number, or 0.</summary>
    public int LineNumber { get; }

    /// <summary>1-based column number, or 0.</summary>
    public int ColumnNumber { get; }

    /// <summary>The reason, without the location prefix.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string reason)
    {
        string where = file;
        if (line > 0) where += $", line {line}";
        if (column > 0) where += $", column {column}";
        return $"{where}: {reason}";
    }
}
