using System.Diagnostics;
using AnomSeer;
using AnomSeer.Data.Loaders;
using AnomSeer.Data.Windowing;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using AnomSeer.Training;

namespace NabEvaluation;

/// <summary>
/// The sample's entry logic, callable in-process: loads NAB (<see cref="NabLoader"/>), cuts every file into windows of at
/// most 1000 points (<see cref="SeriesWindowing"/>), scores the expert detector on every window with the TSAD reward
/// and prints the <see cref="EvaluationReport"/> per NAB folder; then does the same for the AnomSeer-Tiny policy when a
/// model folder is given (<c>--model DIR</c>) or <c>models/anomseer-tiny</c> exists (one response per window at the
/// evaluation temperature 0.4, <see cref="PolicyEvaluator"/>).
/// </summary>
public static class NabEvaluationSample
{
    /// <summary>The shipped model's folder, relative to the repository root.</summary>
    public const string ShippedModel = "models/anomseer-tiny";

    private const int WindowLength = SeriesWindowing.DefaultMaxLength;

    /// <summary>Runs the sample; returns the exit code (0 on success, 1 when data or model cannot be read, 2 on bad arguments).</summary>
    /// <param name="args"><c>[--nab DIR] [--model DIR] [--files N] [--windows N] [--max-tokens N] [--seed S]</c>.</param>
    /// <param name="output">The reports.</param>
    /// <param name="error">Where errors and the usage line go; <paramref name="output"/> when null.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error ??= output;
        var settings = NabSettings.Parse(args, out string? problem);
        if (settings is null)
        {
            error.WriteLine($"NabEvaluation: {problem}");
            error.WriteLine(NabSettings.Usage);
            return 2;
        }
        string? root = settings.NabRoot ?? FindUpwards("shared/data/nab", "tests/AnomSeer.Data.Tests/TestData/nab");
        if (root is null || !Directory.Exists(Path.Combine(root, NabLoader.DataFolder)))
        {
            error.WriteLine($"NabEvaluation: NAB data not found{(root is null ? "" : $" in {Path.GetFullPath(root)}")}; pass --nab DIR (a folder with data/ and labels/combined_windows.json).");
            return 1;
        }
        if (settings.Model is { } m && !Directory.Exists(m))
        {
            error.WriteLine($"NabEvaluation: model folder not found: {Path.GetFullPath(m)}");
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var windows = LoadWindows(root, settings, cancellationToken);
        int files = windows.Select(w => w.File).Distinct().Count();
        output.WriteLine($"NAB: {files} files from {Path.GetFullPath(root)}, {windows.Count} windows of at most {WindowLength} points " +
                         $"({windows.Count(w => w.Window.Intervals.Count > 0)} with a labelled anomaly window).");
        output.WriteLine("Metrics in percent; NAB labels no anomaly class, so the class term is left out (spec b.2).");
        output.WriteLine();

        var expert = EvaluateExpert(windows, cancellationToken);
        output.WriteLine("## Expert detector (ExpCoT classical analyses, no training)");
        output.WriteLine();
        output.Write(expert.ToMarkdown());
        output.WriteLine();

        string? model = settings.Model ?? FindUpwards(ShippedModel);
        if (model is null)
        {
            output.WriteLine($"No policy model: {ShippedModel} was not found and no --model DIR was given; evaluated the expert detector only.");
        }
        else
        {
            EvaluationReport policyReport;
            try
            {
                policyReport = EvaluatePolicy(model, windows, settings, output, cancellationToken);
            }
            catch (Exception e) when (e is PolicyCheckpointException or ArgumentException or InvalidOperationException)
            {
                error.WriteLine($"NabEvaluation: the policy in {Path.GetFullPath(model)} could not be evaluated: {e.Message.ReplaceLineEndings(" ")}");
                return 1;
            }
            output.WriteLine();
            output.Write(policyReport.ToMarkdown());
            output.WriteLine();
        }
        output.WriteLine($"(elapsed {clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private sealed record NabWindow(string File, string Folder, int Offset, LabeledSeries Window);

    private static List<NabWindow> LoadWindows(string root, NabSettings settings, CancellationToken ct)
    {
        var result = new List<NabWindow>();
        var all = NabLoader.Load(root, cancellationToken: ct);
        foreach (var file in all.Take(settings.MaxFiles ?? int.MaxValue))
        {
            string folder = file.Name.Contains('/') ? file.Name[..file.Name.IndexOf('/')] : "nab";
            foreach (var w in SeriesWindowing.Slide(file, WindowLength).Take(settings.MaxWindowsPerFile ?? int.MaxValue))
                result.Add(new NabWindow(file.Name, folder, w.Offset, w.Series));
        }
        return result;
    }

    private static EvaluationReport EvaluateExpert(IReadOnlyList<NabWindow> windows, CancellationToken ct)
    {
        var detector = new ExpertDetector();
        var rewards = new RewardBreakdown[windows.Count];
        Parallel.For(0, windows.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var w = windows[i].Window;
            string answer = detector.Detect(w.Series, ct).ToAnswerText();
            rewards[i] = TsadReward.Score(answer, w.Intervals, (AnomalyClass?)null, w.Length);
        });
        var report = new EvaluationReport();
        for (int i = 0; i < windows.Count; i++) report.Add(windows[i].Folder, rewards[i]);
        return report;
    }

    private static EvaluationReport EvaluatePolicy(string folder, IReadOnlyList<NabWindow> windows, NabSettings settings, TextWriter output,
        CancellationToken ct)
    {
        using var policy = new TinyPolicyLoader().Load(folder);
        if (policy is not TinyPolicyModel tiny) throw new InvalidOperationException("the folder does not hold an AnomSeer-Tiny policy.");
        var config = tiny.Config;
        // The plot at the model's own image size, autoscaled as real series are drawn (NAB values are not in (−1, 1)).
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions { Width = config.ImageWidth, Height = config.ImageHeight, YAxisMode = YAxisMode.Auto });
        var mode = config.ImageChannels == 1 ? TensorColorMode.Grayscale : TensorColorMode.Rgb;
        var examples = new List<TimerPoExample>(windows.Count);
        foreach (var w in windows)
        {
            ct.ThrowIfCancellationRequested();
            var image = PlotImage.FromRenderedPlot(renderer.Render(w.Window.Series), mode);
            float[]? values = config.Modality == InputModality.ImageAndSeries ? w.Window.Series.AsSpan().ToArray().Select(v => (float)v).ToArray() : null;
            // No expert reference is needed to evaluate; the report groups rows by NAB folder.
            examples.Add(new TimerPoExample(new PolicyInput(image, values), w.Window.Intervals, null, "", $"{w.File}@{w.Offset}", w.Folder));
        }
        var options = new TimerPoOptions
        {
            Seed = settings.Seed,
            MaxResponseTokens = settings.MaxResponseTokens ?? TimerPoOptions.Defaults.MaxResponseTokens,
        };
        var clock = Stopwatch.StartNew();
        var result = PolicyEvaluator.Evaluate(policy, examples, options, batchSize: 8, cancellationToken: ct);
        output.WriteLine($"## Policy {Path.GetFullPath(folder)} (AnomSeer-Tiny, {tiny.ParameterCount:N0} parameters; one response per window at temperature " +
                         $"{options.EvaluationTemperature.ToString(System.Globalization.CultureInfo.InvariantCulture)}, at most {options.MaxResponseTokens} tokens)");
        output.WriteLine();
        output.WriteLine($"{result.Rewards.Count(r => r.Answer.FormatOk)} of {result.Rewards.Count} answers well-formed; {clock.Elapsed.TotalSeconds:F1} s.");
        return result.Report;
    }

    /// <summary>The first of <paramref name="relativePaths"/> found under the current folder or one of its parents.</summary>
    private static string? FindUpwards(params string[] relativePaths)
    {
        foreach (string rel in relativePaths)
        {
            for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, rel);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}
