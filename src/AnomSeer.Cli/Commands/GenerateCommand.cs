using AnomSeer.IO;
using System.CommandLine;
using AnomSeer.Data.Export;
using AnomSeer.Data.IO;
using AnomSeer.Data.Samples;
using AnomSeer.Data.Synthetic;
using AnomSeer.Plotting;
using Spectre.Console;

namespace AnomSeer.Cli.Commands;

/// <summary>
/// <c>anomseer generate --suite anomllm|vta --split train|eval [--count N] [--seed S] --out DIR [--images] [--parquet]</c>:
/// writes <c>DIR/{suite}-{split}.jsonl</c> (and with <c>--images</c> the clean plots <c>DIR/images/{id}.png</c>; with
/// <c>--parquet</c> also <c>DIR/{suite}-{split}.parquet</c> in the veRL row layout, which needs the images).
/// </summary>
public static class GenerateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliContext context)
    {
        var suite = new Option<string>("--suite") { Description = "Synthetic suite: anomllm (8 tasks, length 1000) or vta (5 types, length 400).", Required = true };
        suite.AcceptOnlyFromAmong("anomllm", "vta");
        var split = new Option<string>("--split") { Description = "Split: train or eval.", DefaultValueFactory = _ => "train" };
        split.AcceptOnlyFromAmong("train", "eval");
        var count = new Option<int?>("--count") { Description = "Series per task (default: the paper's, 400 for anomllm, 100 for vta)." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed (default: the paper's, anomllm train 3407 / eval 42, vta 0)." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (created if needed).", Required = true };
        var tasks = new Option<string?>("--tasks") { Description = "Comma-separated subset of tasks/types, e.g. range,noisy-freq (default: all)." };
        var images = new Option<bool>("--images") { Description = "Also render each series to DIR/images/{id}.png (clean plots, no ground-truth shading)." };
        var parquet = new Option<bool>("--parquet") { Description = "Also write DIR/{suite}-{split}.parquet in the veRL/AnomSeer row layout (implies --images)." };
        var shade = new Option<bool>("--shade-ground-truth") { Description = "Shade the ground-truth intervals in the images, as the released AnomLLM figures do (leaks labels; replication only)." };
        var released = new Option<bool>("--released-class-mapping") { Description = "anomllm: reproduce the released code's class-mapping bug (noisy-* and flat-trend get no class)." };
        var quirk = new Option<bool>("--seasonal-quirk") { Description = "vta: reproduce the seasonal frequency quirk (frequency x3 per seasonal series)." };

        var command = new Command("generate", "Generate a synthetic AnomSeer dataset split as JSONL (optionally with PNG plots and a Parquet file).")
        {
            suite, split, count, seed, output, tasks, images, parquet, shade, released, quirk,
        };
        command.SetAction(parse => Run(context, new Settings(
            parse.GetValue(suite)!, parse.GetValue(split)!, parse.GetValue(count), parse.GetValue(seed), parse.GetValue(output)!,
            parse.GetValue(tasks), parse.GetValue(images) || parse.GetValue(parquet), parse.GetValue(parquet), parse.GetValue(shade),
            parse.GetValue(released), parse.GetValue(quirk))));
        return command;
    }

    private sealed record Settings(string Suite, string Split, int? Count, ulong? Seed, DirectoryInfo Out, string? Tasks,
        bool Images, bool Parquet, bool Shade, bool ReleasedMapping, bool SeasonalQuirk);

    private static int Run(CliContext ctx, Settings s)
    {
        var suite = s.Suite == "vta" ? SyntheticSuite.Vta : SyntheticSuite.AnomLlm;
        var split = s.Split == "eval" ? DatasetSplit.Eval : DatasetSplit.Train;
        int count = s.Count ?? SyntheticDatasets.DefaultCountPerTask(suite);
        if (count < 1) throw new CliUsageException($"--count must be at least 1 (got {count}).");
        ulong seed = s.Seed ?? SyntheticDatasets.DefaultSeed(suite, split);
        if (suite == SyntheticSuite.Vta && s.ReleasedMapping) throw new CliUsageException("--released-class-mapping applies to --suite anomllm only.");
        if (suite == SyntheticSuite.AnomLlm && s.SeasonalQuirk) throw new CliUsageException("--seasonal-quirk applies to --suite vta only.");
        if (s.Shade && !s.Images) throw new CliUsageException("--shade-ground-truth needs --images or --parquet.");

        IEnumerable<TsadSample> source;
        int expected;
        if (suite == SyntheticSuite.AnomLlm)
        {
            var list = ParseList<AnomLlmTask>(s.Tasks, AnomLlmTaskNames.TryParse, "anomllm task", "range, point, freq, trend, flat-trend, noisy-point, noisy-freq, noisy-trend")
                ?? AnomLlmTaskNames.All;
            expected = list.Count * count;
            source = SyntheticDatasets.AnomLlm(split, count, seed,
                new AnomLlmSuiteOptions { ClassMapping = s.ReleasedMapping ? AnomLlmClassMapping.ReleasedCode : AnomLlmClassMapping.Corrected }, list);
        }
        else
        {
            var list = ParseList<VtaType>(s.Tasks, VtaTypeNames.TryParse, "vta type", "global, contextual, seasonal, trend, shapelet") ?? VtaTypeNames.All;
            expected = list.Count * count;
            source = SyntheticDatasets.Vta(split, count, seed, new VtaSuiteOptions { SeasonalFrequencyQuirk = s.SeasonalQuirk }, list);
        }

        string dir = s.Out.FullName;
        Directory.CreateDirectory(dir);
        string stem = $"{suite.ToName()}-{split.ToName()}";
        string jsonlPath = Path.Combine(dir, stem + ".jsonl");
        string parquetPath = Path.Combine(dir, stem + ".parquet");
        var ct = ctx.CancellationToken;
        var samples = new List<TsadSample>();
        int total = 0;

        ctx.Console.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(p =>
            {
                var gen = p.AddTask($"Generating {stem}", maxValue: expected);
                total = TsadJsonl.WriteAll(jsonlPath, Collect(source, samples), new Progress<int>(n => gen.Value = n), ct);
                gen.Value = expected;

                if (s.Images)
                {
                    var render = p.AddTask("Rendering images", maxValue: samples.Count);
                    RenderImages(samples, Path.Combine(dir, "images"), suite, s.Shade, () => render.Increment(1), ct);
                }
                if (s.Parquet)
                {
                    var pq = p.AddTask("Writing Parquet", maxValue: samples.Count);
                    ParquetExporter.WriteAsync(parquetPath, samples, x => File.ReadAllBytes(ImagePath(dir, x)), null, null,
                        new Progress<int>(n => pq.Value = n), ct).GetAwaiter().GetResult();
                    pq.Value = samples.Count;
                }
            });

        ctx.Console.WriteLine($"Wrote {total} samples to {jsonlPath}");
        if (s.Images) ctx.Console.WriteLine($"Wrote {total} images to {Path.Combine(dir, "images")}");
        if (s.Parquet) ctx.Console.WriteLine($"Wrote {total} rows to {parquetPath}");
        return ExitCodes.Success;
    }

    private static IEnumerable<TsadSample> Collect(IEnumerable<TsadSample> source, List<TsadSample> into)
    {
        foreach (var x in source)
        {
            into.Add(x);
            yield return x;
        }
    }

    private static string ImagePath(string dir, TsadSample s) => Path.Combine(dir, "images", s.Id + ".png");

    private static void RenderImages(List<TsadSample> samples, string folder, SyntheticSuite suite, bool shade, Action tick, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        // AnomLLM figures fix the y-range to (-1, 1); VTA figures autoscale (spec c.1, c.2).
        var renderer = new TimeSeriesPlotRenderer(new PlotOptions
        {
            YAxisMode = suite == SyntheticSuite.AnomLlm ? YAxisMode.Fixed : YAxisMode.Auto,
            ShadeIntervals = shade,
        });
        var lockTick = new object();
        Parallel.ForEach(samples, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, sample =>
        {
            byte[] png = renderer.RenderPng(sample.AsSpan(), sample.Intervals);
            string path = Path.Combine(folder, sample.Id + ".png");
            using (var file = AtomicFile.Create(path))
            {
                file.Stream.Write(png);
                file.Commit();
            }
            lock (lockTick) tick();
        });
    }

    private delegate bool TryParser<T>(string? text, out T? value) where T : struct;

    private static IReadOnlyList<T>? ParseList<T>(string? text, TryParser<T> tryParse, string what, string allowed) where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var list = new List<T>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!tryParse(part, out var v)) throw new CliUsageException($"'{part}' is not a {what}; expected one of: {allowed}.");
            if (!list.Contains(v!.Value)) list.Add(v.Value);
        }
        return list;
    }
}
