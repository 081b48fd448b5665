using System.Buffers;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Answers;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Policy.Tiny;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer detect --input FILE.csv [--expert] [--model DIR] [--json OUT.json] [--png OUT.png]</c>: detects anomalies in a
/// CSV series and prints a table of the intervals, the class and the reasoning. The detector is the ExpCoT expert
/// (classical analyses, no model) with <c>--expert</c>, and also, with the output saying so, when neither <c>--expert</c> nor
/// <c>--model</c> is given. <c>--model DIR</c> loads an AnomSeer-Tiny policy folder, shows it the plot (at the model's image
/// size, autoscaled) and the series, samples one response at temperature 0.4 and parses it.
/// <c>--json</c> writes <c>{input, detector, [model], length, intervals, class, reasoning, answer, format_ok}</c> atomically; <c>--png</c>
/// writes the plot with the detected intervals shaded.
/// </summary>
public static class DetectCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV series (value, timestamp,value or timestamp,value,label; or a header naming a value column).", Required = true };
        var expert = new Option<bool>("--expert") { Description = "Use the ExpCoT expert detector (classical analyses; also the fallback when no --model is given and no shipped model is found)." };
        var model = new Option<DirectoryInfo?>("--model") { Description = "An AnomSeer-Tiny policy folder (config.json, model.safetensors, tokenizer.json): samples one response at temperature 0.4. Default: the shipped model, models/anomseer-tiny, found above the working folder or the program's folder." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the answer as JSON (intervals, class, reasoning, raw answer text)." };
        var png = new Option<FileInfo?>("--png") { Description = "Also write the plot with the detected intervals shaded." };
        var command = new Command("detect", "Detect anomalous intervals and their class in a CSV series, with the reasoning.")
        {
            input, expert, model, json, png,
        };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(expert), parse.GetValue(model), parse.GetValue(json), parse.GetValue(png)));
        return command;
    }

    private static int Run(CliContext ctx, FileInfo input, bool expert, DirectoryInfo? model, FileInfo? json, FileInfo? png)
    {
        if (expert && model is not null) throw new CliUsageException("give either --expert or --model, not both.");
        CommandInputs.RequireFile(input, "input file");
        if (model is not null && !Directory.Exists(model.FullName))
            throw new DirectoryNotFoundException($"model folder not found: {model.FullName}");

        var series = CommandInputs.LoadCsv(input);
        Result result;
        if (model is null && !expert && ShippedModel.Find() is { } shipped) model = new DirectoryInfo(shipped);
        if (model is null)
        {
            var d = new ExpertDetector().Detect(series.Series, ctx.CancellationToken);
            result = new Result(expert
                ? "expert (ExpCoT classical analyses)"
                : "expert (ExpCoT classical analyses; no --model given and no shipped model found)",
                "expert", d.Intervals, d.Class, d.Reasoning, d.ToAnswerText(), true);
        }
        else
        {
            result = DetectWithPolicy(ctx, series.Series, model);
        }

        ctx.Out.WriteLine($"Detector: {result.Description}");
        ctx.Out.WriteLine($"Series: {input.Name}, {series.Length} points");
        if (!result.FormatOk) ctx.Out.WriteLine("Warning: the answer is not well-formed; what could be read from it is shown.");
        var table = new Table().AddColumn("#").AddColumn(new TableColumn("start").RightAligned())
            .AddColumn(new TableColumn("end (exclusive)").RightAligned()).AddColumn(new TableColumn("length").RightAligned());
        var intervals = result.Intervals ?? [];
        for (int i = 0; i < intervals.Count; i++)
        {
            var iv = intervals[i];
            table.AddRow(Num(i + 1), Num(iv.Start), Num(iv.End), Num(iv.Length));
        }
        if (intervals.Count == 0) table.AddRow("-", "-", "-", "-");
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"Class: {result.Class?.ToCanonicalName() ?? "(none)"}");
        ctx.Out.WriteLine("Reasoning:");
        ctx.Out.WriteLine(result.Reasoning ?? "(none)");

        if (json is not null)
        {
            CommandInputs.WriteBytes(json.FullName, ToJson(input, model, series.Length, result));
            ctx.Out.WriteLine($"Wrote {json.FullName}");
        }
        if (png is not null)
        {
            // A policy may name indices past the end: shade only what lies within the series.
            var shaded = intervals.Where(iv => iv.Start < series.Length)
                .Select(iv => new AnomalyInterval(iv.Start, Math.Min(iv.End, series.Length))).ToList();
            var renderer = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto, ShadeIntervals = true });
            CommandInputs.WriteBytes(png.FullName, renderer.RenderPng(series.Series.AsSpan(), shaded));
            ctx.Out.WriteLine($"Wrote {png.FullName}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The policy's temperature for detection: the paper's validation temperature (method spec b.8).</summary>
    private const double PolicyTemperature = 0.4;

    private static Result DetectWithPolicy(CliContext ctx, TimeSeries series, DirectoryInfo folder)
    {
        using var policy = new TinyPolicyLoader().Load(folder.FullName);
        if (policy is not TinyPolicyModel tiny)
            throw new InvalidOperationException($"the model in {folder.FullName} is not an AnomSeer-Tiny policy.");
        var config = tiny.Config;
        // The plot at the model's own image size; autoscaled, as real series are drawn (spec g.11).
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions
        {
            Width = config.ImageWidth,
            Height = config.ImageHeight,
            YAxisMode = YAxisMode.Auto,
        });
        var mode = config.ImageChannels == 1 ? TensorColorMode.Grayscale : TensorColorMode.Rgb;
        var image = PlotImage.FromRenderedPlot(renderer.Render(series.AsSpan()), mode);
        float[]? values = config.Modality == InputModality.ImageAndSeries ? series.AsSpan().ToArray().Select(v => (float)v).ToArray() : null;
        var response = policy.Sample([new PolicyInput(image, values)],
            new SamplingOptions { ResponsesPerPrompt = 1, Temperature = PolicyTemperature }, ctx.CancellationToken)[0];
        var parsed = AnswerParser.Parse(response.Text);
        return new Result($"policy {folder.FullName} (AnomSeer-Tiny, one response at temperature {PolicyTemperature.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            "policy", parsed.Intervals, parsed.Class, parsed.Reasoning, response.Text, parsed.FormatOk);
    }

    private static string Num(int v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Result(string Description, string Detector, IReadOnlyList<AnomalyInterval>? Intervals, AnomalyClass? Class,
        string? Reasoning, string Answer, bool FormatOk);

    private static byte[] ToJson(FileInfo input, DirectoryInfo? model, int length, Result r)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("input", input.FullName);
            w.WriteString("detector", r.Detector);
            if (model is not null) w.WriteString("model", model.FullName);
            w.WriteNumber("length", length);
            if (r.Intervals is null) w.WriteNull("intervals");
            else CommandInputs.WriteIntervals(w, "intervals", r.Intervals);
            if (r.Class is { } c) w.WriteString("class", c.ToCanonicalName());
            else w.WriteNull("class");
            if (r.Reasoning is null) w.WriteNull("reasoning");
            else w.WriteString("reasoning", r.Reasoning);
            w.WriteString("answer", r.Answer);
            w.WriteBoolean("format_ok", r.FormatOk);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
