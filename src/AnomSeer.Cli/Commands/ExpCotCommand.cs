using AnomSeer.IO;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using AnomSeer.Data.IO;
using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Experts;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer expcot --jsonl FILE --out FILE.jsonl [--released-text]</c>: builds the expert chain-of-thought of every sample
/// (method spec b.3) and writes one JSON object per line: <c>id</c>, <c>task</c>, <c>class</c>, <c>ground_truth</c>,
/// <c>expert</c> (the routed analysis), <c>expert_class</c>, <c>expert_intervals</c> (what that analysis detected) and
/// <c>expcot</c> (the text). The output file is replaced only once every line is written.
/// </summary>
public static class ExpCotCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var jsonl = new Option<FileInfo>("--jsonl") { Description = "JSONL dataset with ground truth (as written by 'anomseer generate').", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The JSONL file to write, one ExpCoT per sample.", Required = true };
        var released = new Option<bool>("--released-text") { Description = "Write the text exactly as the released code does (LaTeX markers and its wording quirks included)." };
        var command = new Command("expcot", "Generate the expert chain-of-thought (ExpCoT) of every sample of a JSONL dataset.")
        {
            jsonl, output, released,
        };
        command.SetAction(parse => Run(context, parse.GetValue(jsonl)!, parse.GetValue(output)!, parse.GetValue(released)));
        return command;
    }

    private static int Run(CliContext ctx, FileInfo jsonl, FileInfo output, bool released)
    {
        var ct = ctx.CancellationToken;
        var samples = CommandInputs.LoadJsonl(jsonl, ct);
        var generator = new ExpCotGenerator(new ExpCotOptions { TextStyle = released ? ExpCotTextStyle.Released : ExpCotTextStyle.Clean });
        var lines = new string[samples.Count];

        ctx.Console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var task = p.AddTask("Generating ExpCoT", maxValue: samples.Count);
                var tick = new object();
                Parallel.For(0, samples.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                {
                    var s = samples[i];
                    var trace = generator.Generate(s.AsSpan(), s.Intervals, s.Class ?? AnomalyClass.Normal, s.Task, ct);
                    lines[i] = Serialize(s, trace);
                    lock (tick) task.Increment(1);
                });
            });

        CommandInputs.CreateParent(output.FullName);
        using (var file = AtomicFile.Create(output.FullName))
        {
            using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                foreach (string line in lines)
                {
                    writer.Write(line);
                    writer.Write('\n');
                }
            }
            file.Commit();
        }
        ctx.Out.WriteLine($"Wrote {lines.Length} ExpCoT lines to {output.FullName}");
        return ExitCodes.Success;
    }

    private static string Serialize(Data.Samples.TsadSample s, ExpCotTrace trace)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("task", s.Task);
            if (s.Class is { } c) w.WriteString("class", c.ToCanonicalName());
            else w.WriteNull("class");
            CommandInputs.WriteIntervals(w, "ground_truth", s.Intervals);
            w.WriteString("expert", trace.Expert.ToString());
            w.WriteString("expert_class", trace.Expert.ToAnomalyClassName());
            CommandInputs.WriteIntervals(w, "expert_intervals", trace.DetectedIntervals);
            w.WriteString("expcot", trace.Text);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
