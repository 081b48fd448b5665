using Microsoft.ML;
using Microsoft.ML.Data;

namespace AnomSeer.MLNet;

/// <summary>Input-column checks shared by the ML.NET estimators of the AnomSeer packages (ExpCoT, Training); every error names the column.</summary>
internal static class SchemaChecks
{
    internal enum Expect { NumericVector, IntervalVector, Text }

    internal static void Check(DataViewSchema schema, string column, Expect expect, string paramName)
    {
        var col = schema.GetColumnOrNull(column)
            ?? throw new ArgumentException($"Input column '{column}' not found.", paramName);
        bool isVector = col.Type is VectorDataViewType;
        var item = col.Type is VectorDataViewType v ? v.ItemType : col.Type;
        Verify(column, expect, isVector, item, col.Type.ToString() ?? "?", paramName);
    }

    internal static void Check(SchemaShape shape, string column, Expect expect, string paramName)
    {
        var found = shape.Where(c => c.Name == column).ToList();
        if (found.Count == 0)
            throw new ArgumentException($"Input column '{column}' not found.", paramName);
        var col = found[^1];
        bool isVector = col.Kind is SchemaShape.Column.VectorKind.Vector or SchemaShape.Column.VectorKind.VariableVector;
        Verify(column, expect, isVector, col.ItemType, $"{col.Kind} of {col.ItemType}", paramName);
    }

    private static void Verify(string column, Expect expect, bool isVector, DataViewType item, string actual, string paramName)
    {
        bool ok = expect switch
        {
            Expect.NumericVector => isVector && (item == NumberDataViewType.Single || item == NumberDataViewType.Double),
            Expect.IntervalVector => isVector && (item == NumberDataViewType.Int32 || item == NumberDataViewType.Int64
                || item == NumberDataViewType.Single || item == NumberDataViewType.Double),
            _ => !isVector && item is TextDataViewType,
        };
        if (ok) return;
        string wanted = expect switch
        {
            Expect.NumericVector => "a vector of Single or Double",
            Expect.IntervalVector => "a vector of Int32, Int64, Single or Double holding [start, end, start, end, ...]",
            _ => "a String (text) column",
        };
        throw new ArgumentException($"Input column '{column}' must be {wanted}, but is {actual}.", paramName);
    }
}
