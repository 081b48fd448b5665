// One ML.NET pipeline over AnomSeer's estimators:
//   RenderTimeSeriesPlot (the PNG the model sees) -> GenerateExpCot (the expert chain-of-thought of a labelled row)
//   -> DetectWithExpert (the classical expert detector: reasoning, intervals, class).
// It is fitted on a few generated AnomLLM-style series, saved to a zip, loaded in a fresh MLContext and used to
// predict on series it has not seen.
using AnomSeer;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.MLNet;
using AnomSeer.MLNet;
using AnomSeer.Plotting;
using AnomSeer.Plotting.MLNet;
using Microsoft.ML;

var ml = new MLContext(seed: 1);

// A few labelled series: one per AnomLLM task (8 rows of length 1000), from the paper's train seed.
var train = SyntheticDatasets.AnomLlm(DatasetSplit.Train, 1, 3407).Select(SeriesRow.From).ToList();
var data = ml.Data.LoadFromEnumerable(train);

var pipeline = ml.Transforms.RenderTimeSeriesPlot("Plot", "Series", new PlotOptions { YAxisMode = YAxisMode.Fixed })
    .Append(ml.Transforms.GenerateExpCot(outputColumnName: "ExpCot", seriesColumnName: "Series",
        groundTruthColumnName: "GroundTruth", classColumnName: "Class", taskColumnName: "Task"))
    .Append(ml.AnomalyDetection.DetectWithExpert(seriesColumnName: "Series", reasoningColumnName: "Reasoning",
        intervalsColumnName: "Intervals", classColumnName: "PredictedClass"));
var model = pipeline.Fit(data);

string path = Path.Combine(Path.GetTempPath(), $"anomseer-mlnet-pipeline-{Guid.NewGuid():N}.zip");
try
{
    ml.Model.Save(model, data.Schema, path);
    Console.WriteLine($"Saved the fitted pipeline to {path} ({new FileInfo(path).Length:N0} bytes)");

    // A fresh context knows nothing of AnomSeer's mappings: register the assemblies that hold them before loading.
    var ml2 = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(PlottingCatalog).Assembly, typeof(ExpCotCatalog).Assembly);
    var loaded = ml2.Model.Load(path, out _);

    // Predict on series the pipeline has not seen (the eval split's seed).
    var test = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, 1, 42).Select(SeriesRow.From).ToList();
    var predictions = ml2.Data.CreateEnumerable<PredictionRow>(loaded.Transform(ml2.Data.LoadFromEnumerable(test)), reuseRowObject: false).ToList();
    for (int i = 0; i < test.Count; i++)
    {
        var p = predictions[i];
        Console.WriteLine();
        Console.WriteLine($"== {test[i].Task}: ground truth {Pairs(test[i].GroundTruth)} ({test[i].Class})");
        Console.WriteLine($"   plot: {p.Plot.Length:N0} PNG bytes");
        Console.WriteLine($"   expert detector: {Pairs(p.Intervals)} ({p.PredictedClass})");
        Console.WriteLine($"   ExpCoT expert: {Pairs(p.ExpCotExpertIntervals)} ({p.ExpCotExpertClass}); {p.ExpCot.Length} characters of text");
        Console.WriteLine($"   reasoning: {Shorten(p.Reasoning, 160)}");
    }
}
finally
{
    File.Delete(path);
}

static string Pairs(int[] flat) =>
    "[" + string.Join(", ", Enumerable.Range(0, flat.Length / 2).Select(k => $"[{flat[2 * k]}, {flat[2 * k + 1]}]")) + "]";

static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

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
