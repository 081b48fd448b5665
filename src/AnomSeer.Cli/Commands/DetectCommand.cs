using System.Buffers;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Plotting;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer detect --input FILE.csv [--expert] [--model DIR] [--json OUT.json] [--png OUT.png]</c>: detects anomalies in a
/// CSV series and prints a table of the intervals, the class and the reasoning. The detector is the ExpCoT expert
/// (classical analyses, no model); it is also used, and the output says so, when neither <c>--expert</c> nor
/// <c>--model</c> is given. Policy detection (<c>--model</c>) is not available yet and is refused with an error.
/// <c>--json</c> writes <c>{input, detector, length, intervals, class, reasoning, answer}</c> atomically; <c>--png</c>
/// writes the plot with the detected intervals shaded.
/// </summary>
public static class DetectCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV series (value, timestamp,value or timestamp,value,label; or a header naming a value column).", Required = true };
        var expert = new Option<bool>("--expert") { Description = "Use the ExpCoT expert detector (classical analyses; the default while no --model is given)." };
        var model = new Option<DirectoryInfo?>("--model") { Description = "A policy model folder (not available yet: reported as an error)." };
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
        if (model is not null) CommandInputs.RejectModel(model);

        var series = CommandInputs.LoadCsv(input);
        var detection = new ExpertDetector().Detect(series.Series, ctx.CancellationToken);
        string answer = detection.ToAnswerText();

        ctx.Out.WriteLine(expert
            ? "Detector: expert (ExpCoT classical analyses)"
            : "Detector: expert (ExpCoT classical analyses; the default while no --model is given)");
        ctx.Out.WriteLine($"Series: {input.Name}, {series.Length} points");
        var table = new Table().AddColumn("#").AddColumn(new TableColumn("start").RightAligned())
            .AddColumn(new TableColumn("end (exclusive)").RightAligned()).AddColumn(new TableColumn("length").RightAligned());
        for (int i = 0; i < detection.Intervals.Count; i++)
        {
            var iv = detection.Intervals[i];
            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), iv.Start.ToString(System.Globalization.CultureInfo.InvariantCulture),
                iv.End.ToString(System.Globalization.CultureInfo.InvariantCulture), iv.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (detection.Intervals.Count == 0) table.AddRow("-", "-", "-", "-");
        ctx.Console.Write(table);
        ctx.Out.WriteLine($"Class: {detection.Class.ToCanonicalName()}");
        ctx.Out.WriteLine("Reasoning:");
        ctx.Out.WriteLine(detection.Reasoning);

        if (json is not null)
        {
            CommandInputs.WriteBytes(json.FullName, ToJson(input, series.Length, detection, answer));
            ctx.Out.WriteLine($"Wrote {json.FullName}");
        }
        if (png is not null)
        {
            var renderer = new TimeSeriesPlotRenderer(new PlotOptions { YAxisMode = YAxisMode.Auto, ShadeIntervals = true });
            CommandInputs.WriteBytes(png.FullName, renderer.RenderPng(series.Series.AsSpan(), detection.Intervals));
            ctx.Out.WriteLine($"Wrote {png.FullName}");
        }
        return ExitCodes.Success;
    }

    private static byte[] ToJson(FileInfo input, int length, ExpertDetection d, string answer)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("input", input.FullName);
            w.WriteString("detector", "expert");
            w.WriteNumber("length", length);
            CommandInputs.WriteIntervals(w, "intervals", d.Intervals);
            w.WriteString("class", d.Class.ToCanonicalName());
            w.WriteString("reasoning", d.Reasoning);
            w.WriteString("answer", answer);
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
