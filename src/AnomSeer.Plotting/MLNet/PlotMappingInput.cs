using System.ComponentModel;
using Microsoft.ML.Data;

namespace AnomSeer.Plotting.MLNet;

/// <summary>Row read by the plot mappings: the series (converted to double) and the options state. Infrastructure; not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PlotMappingInput
{
    /// <summary>The series of the row.</summary>
    [ColumnName(PlotMappingColumns.Values)]
    public double[] Values { get; set; } = [];

    /// <summary>The encoded options (the same on every row).</summary>
    [ColumnName(PlotMappingColumns.State)]
    public double[] State { get; set; } = [];
}
