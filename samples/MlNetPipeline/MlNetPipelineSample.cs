using System.Globalization;
using AnomSeer;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.MLNet;
using AnomSeer.MLNet;
using AnomSeer.Plotting;
using AnomSeer.Plotting.MLNet;
using Microsoft.ML;

namespace MlNetPipeline;

/// <summary>
/// The sample's entry logic, callable in-process: fits the pipeline on <c>--count N</c> generated AnomLLM-style series per
/// task (default 1), saves it to a zip, loads it in a fresh <see cref="MLContext"/> and predicts on as many unseen series.
/// </summary>
public static class MlNetPipelineSample
{
    /// <summary>Runs the sample; returns the exit code (0 on success, 2 on bad arguments).</summary>
    /// <param name="args"><c>[--count seriesPerTask]</c>.</param>
    /// <param name="output">Where the predictions are printed.</param>
    /// <param name="error">Where the usage line goes; <paramref name="output"/> when null.</param>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error ??= output;
        int count = 1;
        if (args.Length > 0 && !(args.Length == 2 && args[0] == "--count"
                && int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0))
        {
            error.WriteLine("usage: MlNetPipeline [--count seriesPerTask]");
            return 2;
        }

        var ml = new MLContext(seed: 1);

        // A few labelled series: `count` per AnomLLM task (8 × count rows of length 1000), from the paper's train seed.
        var train = SyntheticDatasets.AnomLlm(DatasetSplit.Train, count, 3407).Select(SeriesRow.From).ToList();
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
            output.WriteLine($"Saved the fitted pipeline to {path} ({new FileInfo(path).Length:N0} bytes)");

            // A fresh context knows nothing of AnomSeer's mappings: register the assemblies that hold them before loading.
            var ml2 = new MLContext(seed: 2).RegisterAnomSeerComponents(typeof(PlottingCatalog).Assembly, typeof(ExpCotCatalog).Assembly);
            var loaded = ml2.Model.Load(path, out _);

            // Predict on series the pipeline has not seen (the eval split's seed).
            var test = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, count, 42).Select(SeriesRow.From).ToList();
            var predictions = ml2.Data.CreateEnumerable<PredictionRow>(loaded.Transform(ml2.Data.LoadFromEnumerable(test)), reuseRowObject: false).ToList();
            for (int i = 0; i < test.Count; i++)
            {
                var p = predictions[i];
                output.WriteLine();
                output.WriteLine($"== {test[i].Task}: ground truth {Pairs(test[i].GroundTruth)} ({test[i].Class})");
                output.WriteLine($"   plot: {p.Plot.Length:N0} PNG bytes");
                output.WriteLine($"   expert detector: {Pairs(p.Intervals)} ({p.PredictedClass})");
                output.WriteLine($"   ExpCoT expert: {Pairs(p.ExpCotExpertIntervals)} ({p.ExpCotExpertClass}); {p.ExpCot.Length} characters of text");
                output.WriteLine($"   reasoning: {Shorten(p.Reasoning, 160)}");
            }
        }
        finally
        {
            File.Delete(path);
        }
        return 0;
    }

    private static string Pairs(int[] flat) =>
        "[" + string.Join(", ", Enumerable.Range(0, flat.Length / 2).Select(k => $"[{flat[2 * k]}, {flat[2 * k + 1]}]")) + "]";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
