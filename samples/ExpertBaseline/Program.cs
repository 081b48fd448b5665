// Expert-detector baseline: tune on the train split, evaluate on the eval split and out-of-domain data.
//   dotnet run -c Release --project samples/ExpertBaseline -- tune [seriesPerTask=100] [sweeps=2]
//   dotnet run -c Release --project samples/ExpertBaseline -- eval [nabDirectory]
using System.Diagnostics;
using AnomSeer.ExpCoT.Detection;
using ExpertBaseline;

string command = args.Length > 0 ? args[0] : "eval";
var sw = Stopwatch.StartNew();
switch (command)
{
    case "tune":
        int perTask = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
        int sweeps = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2;
        Tuning.Run(perTask, sweeps, Console.Out);
        break;
    case "eval":
        string nab = args.Length > 1 ? args[1] : Path.Combine("..", "shared", "data", "nab");
        var detector = new ExpertDetector();
        Evaluation.AnomLlm(detector, Console.Out);
        Evaluation.Vta(detector, Console.Out);
        if (Directory.Exists(nab)) NabWindows.Run(detector, nab, Console.Out);
        else Console.WriteLine($"NAB directory '{nab}' not found; skipped.");
        break;
    default:
        Console.Error.WriteLine("usage: ExpertBaseline tune [seriesPerTask] [sweeps] | eval [nabDirectory]");
        return 2;
}
Console.WriteLine($"\n(elapsed {sw.Elapsed.TotalSeconds:F1} s)");
return 0;
