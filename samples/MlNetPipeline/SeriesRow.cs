using AnomSeer;
using AnomSeer.Data.Samples;

namespace MlNetPipeline;

/// <summary>One input row: the series and its labels (the ExpCoT needs them; the detector reads only the series).</summary>
internal sealed class SeriesRow
{
    public double[] Series { get; set; } = [];
    public int[] GroundTruth { get; set; } = [];
    public string Class { get; set; } = "";
    public string Task { get; set; } = "";

    public static SeriesRow From(TsadSample s) => new()
    {
        Series = s.Values.ToArray(),
        GroundTruth = s.Intervals.SelectMany(iv => new[] { iv.Start, iv.End }).ToArray(),
        Class = (s.Class ?? AnomalyClass.Normal).ToCanonicalName(),
        Task = s.Task,
    };
}
