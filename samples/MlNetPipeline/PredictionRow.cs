namespace MlNetPipeline;

/// <summary>The columns the pipeline adds.</summary>
internal sealed class PredictionRow
{
    public byte[] Plot { get; set; } = [];
    public string ExpCot { get; set; } = "";
    public string ExpCotExpertClass { get; set; } = "";
    public int[] ExpCotExpertIntervals { get; set; } = [];
    public string Reasoning { get; set; } = "";
    public int[] Intervals { get; set; } = [];
    public string PredictedClass { get; set; } = "";
    public int[] GroundTruth { get; set; } = [];
    public string Class { get; set; } = "";
    public string Task { get; set; } = "";
}
