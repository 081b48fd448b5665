using System.Globalization;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.Detection;

namespace ExpertBaseline;

/// <summary>
/// Coordinate-descent search of the detector's thresholds on the AnomLLM-style TRAIN split only (seed 3407),
/// maximising the mean TSAD reward (spec b.2), starting from the current defaults.
/// </summary>
internal static class Tuning
{
    private sealed record Knob(string Name, double[] Values, Action<ExpertDetectorOptions, double> Set, Func<ExpertDetectorOptions, double> Get);

    private static readonly Knob[] Knobs =
    [
        new("RangeZThreshold", [3.5, 4.0, 4.5, 5.0, 5.5, 6.0], (o, v) => o.RangeZThreshold = v, o => o.RangeZThreshold),
        new("RangeSigma", [3.0, 3.5, 4.0, 4.5, 5.0], (o, v) => o.RangeSigma = v, o => o.RangeSigma),
        new("NoiseRatioThreshold", [0.03, 0.05, 0.08, 0.12, 0.2, 1e9], (o, v) => o.NoiseRatioThreshold = v, o => o.NoiseRatioThreshold),
        new("TrendSigma", [2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0], (o, v) => o.TrendSigma = v, o => o.TrendSigma),
        new("FrequencySigma", [1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0], (o, v) => o.FrequencySigma = v, o => o.FrequencySigma),
        new("DiscordZThreshold", [2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0], (o, v) => o.DiscordZThreshold = v, o => o.DiscordZThreshold),
        new("DiscordMinimumDistance", [0.25, 0.5, 1.0, 2.0, 3.0], (o, v) => o.DiscordMinimumDistance = v, o => o.DiscordMinimumDistance),
        new("SlopeShiftSigma", [3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 1e9], (o, v) => o.SlopeShiftSigma = v, o => o.SlopeShiftSigma),
        new("SlopeRelativeFloor", [0.05, 0.1, 0.2, 0.4], (o, v) => o.SlopeRelativeFloor = v, o => o.SlopeRelativeFloor),
    ];

    public static void Run(int perTask, int sweeps, TextWriter output)
    {
        var train = SyntheticDatasets.AnomLlm(DatasetSplit.Train, perTask,
            SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Train)).ToList();
        output.WriteLine($"Tuning on {train.Count} train series ({perTask} per task, seed 3407).");
        var best = new ExpertDetectorOptions();
        double bestScore = Objective(best, train);
        output.WriteLine($"start (defaults): mean reward {bestScore:F4}");
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            foreach (var knob in Knobs)
            {
                double keep = knob.Get(best);
                foreach (double v in knob.Values)
                {
                    if (v == keep) continue;
                    var trial = best.Clone();
                    knob.Set(trial, v);
                    double score = Objective(trial, train);
                    if (score > bestScore + 1e-9)
                    {
                        bestScore = score;
                        best = trial;
                    }
                }
                output.WriteLine($"sweep {sweep + 1}: {knob.Name} = {knob.Get(best).ToString(CultureInfo.InvariantCulture)} -> mean reward {bestScore:F4}");
            }
        }
        output.WriteLine();
        output.WriteLine("Chosen thresholds:");
        foreach (var knob in Knobs) output.WriteLine($"  {knob.Name} = {knob.Get(best).ToString(CultureInfo.InvariantCulture)}");
    }

    private static double Objective(ExpertDetectorOptions options, IReadOnlyList<TsadSample> samples)
        => Scoring.Score(new ExpertDetector(options), samples).Average(r => r.Total);
}
