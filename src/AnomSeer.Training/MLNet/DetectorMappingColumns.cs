namespace AnomSeer.Training.MLNet;

/// <summary>Names of the internal columns of the detector's transform chain (all dropped again at its end).</summary>
internal static class DetectorMappingColumns
{
    internal const string Series = "__AnomSeerTimerPoSeries";
    internal const string State = "__AnomSeerTimerPoState";
    internal const string Reasoning = "__AnomSeerTimerPoReasoning";
    internal const string Intervals = "__AnomSeerTimerPoIntervals";
    internal const string Class = "__AnomSeerTimerPoClass";
    internal const string Response = "__AnomSeerTimerPoResponse";
}
