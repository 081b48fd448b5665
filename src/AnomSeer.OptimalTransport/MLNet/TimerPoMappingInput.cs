using System.ComponentModel;
using Microsoft.ML.Data;

namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>One row of the TimerPO advantage mapping: one prompt group. Infrastructure.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TimerPoMappingInput
{
    /// <summary>The rewards of the group's responses.</summary>
    [ColumnName(TimerPoMappingColumns.Rewards)]
    public double[] Rewards { get; set; } = [];

    /// <summary>The responses' hidden states, concatenated row-major.</summary>
    [ColumnName(TimerPoMappingColumns.ResponseHidden)]
    public float[] ResponseHidden { get; set; } = [];

    /// <summary>The token count of each response.</summary>
    [ColumnName(TimerPoMappingColumns.ResponseTokenCounts)]
    public double[] ResponseTokenCounts { get; set; } = [];

    /// <summary>The reference (ExpCoT) hidden states, row-major.</summary>
    [ColumnName(TimerPoMappingColumns.ReferenceHidden)]
    public float[] ReferenceHidden { get; set; } = [];

    /// <summary>The encoded settings.</summary>
    [ColumnName(TimerPoMappingColumns.State)]
    public double[] State { get; set; } = [];
}
