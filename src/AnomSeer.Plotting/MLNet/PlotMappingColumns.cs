namespace AnomSeer.Plotting.MLNet;

/// <summary>Names of the internal columns of the plot transform (all dropped again at its end).</summary>
internal static class PlotMappingColumns
{
    internal const string Values = "__AnomSeerPlotValues";
    internal const string State = "__AnomSeerPlotState";
    internal const string Png = "__AnomSeerPlotPng";
    internal const string Tensor = "__AnomSeerPlotTensor";
}
