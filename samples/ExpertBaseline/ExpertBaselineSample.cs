using System.Diagnostics;
using System.Globalization;
using AnomSeer.ExpCoT.Detection;

namespace ExpertBaseline;

/// <summary>
/// The sample's entry logic, callable in-process (the samples' smoke tests call it with small sizes):
/// <c>tune [seriesPerTask=100] [sweeps=2]</c> or <c>eval [nabDirectory] [--count N]</c>, where <c>--count</c> is the number
/// of series per task (AnomLLM) and per type (VTA) of the eval tables (default: the paper's 400 and 100).
/// </summary>
public static class ExpertBaselineSample
{
    /// <summary>Runs the sample; returns the exit code (0 on success, 2 on bad arguments).</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where the tables go.</param>
    /// <param name="error">Where the usage line goes; <paramref name="output"/> when null.</param>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        error ??= output;
        var positional = new List<string>();
        int? count = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--count" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0)
            {
                count = n;
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal)) return Usage(error);
            else positional.Add(args[i]);
        }

        string command = positional.Count > 0 ? positional[0] : "eval";
        var sw = Stopwatch.StartNew();
        switch (command)
        {
            case "tune":
                int perTask = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : count ?? 100;
                int sweeps = positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 2;
                Tuning.Run(perTask, sweeps, output);
                break;
            case "eval":
                string nab = positional.Count > 1 ? positional[1] : Path.Combine("..", "shared", "data", "nab");
                var detector = new ExpertDetector();
                Evaluation.AnomLlm(detector, output, count);
                Evaluation.Vta(detector, output, count);
                if (Directory.Exists(nab)) NabWindows.Run(detector, nab, output);
                else output.WriteLine($"NAB directory '{nab}' not found; skipped.");
                break;
            default:
                return Usage(error);
        }
        output.WriteLine($"\n(elapsed {sw.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    private static int Usage(TextWriter error)
    {
        error.WriteLine("usage: ExpertBaseline tune [seriesPerTask] [sweeps] | eval [nabDirectory] [--count seriesPerTask]");
        return 2;
    }
}
