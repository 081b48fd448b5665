using System.CommandLine;
using AnomSeer.Plotting;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer render (--input FILE.csv | --jsonl FILE [--id ID]) --out FILE.png [--width W] [--height H] [--auto-y] [--shade]</c>:
/// renders one series to the PNG the model sees. The y-range is fixed to (−1, 1) for AnomLLM samples, as their figures
/// are, and autoscaled for everything else (CSV files, VisualTimeAnomaly samples) or with <c>--auto-y</c>.
/// </summary>
public static class RenderCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo?>("--input") { Description = "CSV series (value, timestamp,value or timestamp,value,label; or a header naming a value column)." };
        var jsonl = new Option<FileInfo?>("--jsonl") { Description = "JSONL dataset (as written by 'anomseer generate'); renders the first sample, or --id." };
        var id = new Option<string?>("--id") { Description = "With --jsonl: the id of the sample to render (default: the first)." };
        var output = new Option<FileInfo>("--out") { Description = "The PNG file to write.", Required = true };
        var width = new Option<int>("--width") { Description = "Image width in pixels.", DefaultValueFactory = _ => PlotOptions.Defaults.Width };
        var height = new Option<int>("--height") { Description = "Image height in pixels.", DefaultValueFactory = _ => PlotOptions.Defaults.Height };
        var autoY = new Option<bool>("--auto-y") { Description = "Autoscale the y-axis to the data (default for CSV and vta samples; anomllm samples use the fixed (-1, 1))." };
        var shade = new Option<bool>("--shade") { Description = "Shade the ground-truth intervals (the CSV label column, or the sample's intervals); leaks labels." };

        var command = new Command("render", "Render a time series (CSV file or JSONL sample) to the PNG plot the model reads.")
        {
            input, jsonl, id, output, width, height, autoY, shade,
        };
        command.SetAction(parse => Run(context, parse.GetValue(input), parse.GetValue(jsonl), parse.GetValue(id), parse.GetValue(output)!,
            parse.GetValue(width), parse.GetValue(height), parse.GetValue(autoY), parse.GetValue(shade)));
        return command;
    }

    private static int Run(CliContext ctx, FileInfo? input, FileInfo? jsonl, string? id, FileInfo output, int width, int height, bool autoY, bool shade)
    {
        if ((input is null) == (jsonl is null)) throw new CliUsageException("give exactly one of --input FILE.csv and --jsonl FILE.");
        if (id is not null && jsonl is null) throw new CliUsageException("--id needs --jsonl.");
        if (width < 16 || width > 16384) throw new CliUsageException($"--width must lie in [16, 16384] (got {width}).");
        if (height < 16 || height > 16384) throw new CliUsageException($"--height must lie in [16, 16384] (got {height}).");

        double[] values;
        IReadOnlyList<AnomalyInterval> intervals;
        string what;
        bool fixedY;
        if (input is not null)
        {
            var series = CommandInputs.LoadCsv(input);
            values = series.Series.AsSpan().ToArray();
            intervals = series.Intervals;
            what = input.Name;
            fixedY = false;
        }
        else
        {
            var sample = CommandInputs.PickSample(jsonl!, id, ctx.CancellationToken);
            values = sample.AsSpan().ToArray();
            intervals = sample.Intervals;
            what = $"sample {sample.Id}";
            fixedY = sample.Suite == "anomllm";
        }

        var renderer = new TimeSeriesPlotRenderer(new PlotOptions
        {
            Width = width,
            Height = height,
            YAxisMode = fixedY && !autoY ? YAxisMode.Fixed : YAxisMode.Auto,
            ShadeIntervals = shade,
        });
        byte[] png = renderer.RenderPng(values, intervals);
        CommandInputs.WriteBytes(output.FullName, png);
        ctx.Out.WriteLine($"Rendered {what} ({values.Length} points{(shade ? $", {intervals.Count} interval(s) shaded" : "")}) to {output.FullName} ({width}x{height})");
        return ExitCodes.Success;
    }
}
