// QuickStart, the README's main job: one AnomLLM-style series, rendered as the plot the model reads; the shipped model
// (models/anomseer-tiny, trained with SFT then TimerPO on this machine) and the ExpCoT expert detector each answer with a
// reasoning trace, intervals and a class; both answers are scored against the ground truth; the plot is written as a PNG
// with the model's detected intervals shaded.
//
//   dotnet run --project samples/QuickStart -c Release [-- --task point --index 3 --model DIR --png quickstart.png]
using System.Globalization;
using AnomSeer;
using AnomSeer.Answers;
using AnomSeer.Data.Synthetic;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string Arg(string name, string fallback) =>
    Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

// 1. A series of the AnomLLM-style eval split (seed 42): not seen in training.
var task = AnomLlmTaskNames.Parse(Arg("task", "range"));
int index = int.Parse(Arg("index", "5"), CultureInfo.InvariantCulture);
var sample = SyntheticDatasets.AnomLlm(DatasetSplit.Eval, index + 1, SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, DatasetSplit.Eval),
    tasks: [task]).Last();
Console.WriteLine($"Series {sample.Id}: {sample.Length} points; ground truth {AnswerFormatter.FormatIntervals(sample.Intervals)} as {(sample.Class ?? AnomalyClass.Normal).ToCanonicalName()}.");
Console.WriteLine();

// 2. The plot and the series as the policy reads them (the same rendering as in training).
var example = new TimerPoExampleFactory().Create(sample);
var report = new EvaluationReport();

// 3. The expert detector (classical analyses, no training).
var expert = new ExpertDetector().Detect(sample.AsSpan());
Show("ExpCoT expert detector", expert.ToAnswerText());

// 4. The shipped model, when its folder is found (models/anomseer-tiny above the working or program folder).
string? modelDir = Arg("model", "") is { Length: > 0 } given ? given : FindModel();
IReadOnlyList<AnomalyInterval>? shaded = expert.Intervals;
if (modelDir is null)
{
    Console.WriteLine("models/anomseer-tiny not found: only the expert detector ran (pass --model DIR).");
}
else
{
    using var policy = TinyPolicyModel.Load(modelDir);
    var response = policy.Sample([example.Input], new SamplingOptions { ResponsesPerPrompt = 1, Temperature = 0.4, MaxNewTokens = 512, Seed = 0 })[0];
    var parsed = Show($"AnomSeer-Tiny ({Path.GetFileName(Path.TrimEndingDirectorySeparator(modelDir))}, temperature 0.4)", response.Text);
    shaded = parsed.Intervals ?? [];
}

// 5. Scores (affiliation and point-wise F1, class, format, reward) side by side.
Console.WriteLine(report.ToMarkdown());

// 6. The plot with the detected intervals shaded.
string png = Path.GetFullPath(Arg("png", "quickstart.png"));
var renderer = new TimeSeriesPlotRenderer(new PlotOptions { ShadeIntervals = true });
AnomSeer.IO.AtomicFile.WriteAllBytes(png, renderer.RenderPng(sample.AsSpan(), shaded));
Console.WriteLine($"Wrote {png} ({(modelDir is null ? "expert" : "model")} intervals {AnswerFormatter.FormatIntervals(shaded)} shaded).");
return 0;

ParsedAnswer Show(string who, string answer)
{
    var parsed = AnswerParser.Parse(answer);
    var reward = TsadReward.Score(answer, sample.Intervals, sample.Class, sample.Length);
    report.Add(who, reward);
    Console.WriteLine($"--- {who} ---");
    Console.WriteLine(parsed.Reasoning?.Trim() ?? "(no reasoning)");
    Console.WriteLine($"intervals: {(parsed.Intervals is null ? "(unparsable)" : AnswerFormatter.FormatIntervals(parsed.Intervals))}, class: {parsed.Class?.ToCanonicalName() ?? "(none)"}, " +
                      $"affiliation F1 {reward.AffiliationF1:F3}, point-wise F1 {reward.F1:F3}, reward {reward.Total:F3}");
    Console.WriteLine();
    return parsed;
}

static string? FindModel()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", "anomseer-tiny");
            if (File.Exists(Path.Combine(candidate, "config.json"))) return candidate;
        }
    return null;
}
