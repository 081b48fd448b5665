namespace AnomSeer.ExpCoT.MLNet;

/// <summary>Names of the internal columns of the ExpCoT transforms (all dropped again at their end).</summary>
internal static class MappingColumns
{
    internal const string Series = "__AnomSeerExpCotSeries";
    internal const string GroundTruth = "__AnomSeerExpCotGroundTruth";
    internal const string Class = "__AnomSeerExpCotClass";
    internal const string Task = "__AnomSeerExpCotTask";
    internal const string State = "__AnomSeerExpCotState";
    internal const string Text = "__AnomSeerExpCotText";
    internal const string Expert = "__AnomSeerExpCotExpert";
    internal const string Intervals = "__AnomSeerExpCotIntervals";
    internal const string DetectorState = "__AnomSeerExpertState";
    internal const string Reasoning = "__AnomSeerExpertReasoning";
    internal const string DetectedClass = "__AnomSeerExpertClass";
    internal const string DetectedIntervals = "__AnomSeerExpertIntervals";
}
