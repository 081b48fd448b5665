using System.Globalization;
using AnomSeer.Data.Synthetic;

namespace ExportForPython;

/// <summary>The command line of the sample: <c>[--out DIR] [--count N] [--split train|eval] [--seed S] [--images] [--smoke]</c>.</summary>
/// <param name="Output">The output folder (default <c>anomllm-parquet</c>).</param>
/// <param name="CountPerTask">Series per task (default 400, the paper's; 2 with <c>--smoke</c>).</param>
/// <param name="Split">The split (default train).</param>
/// <param name="Seed">The seed (default: the paper's, 3407 for train and 42 for eval).</param>
/// <param name="WriteImages">Also write each PNG to <c>DIR/images/{id}.png</c>, the path the rows record.</param>
internal sealed record ExportSettings(string Output, int CountPerTask, DatasetSplit Split, ulong Seed, bool WriteImages)
{
    public const string Usage = "usage: ExportForPython [--out DIR] [--count seriesPerTask] [--split train|eval] [--seed S] [--images] [--smoke]";

    /// <summary>Parses the arguments; null (with <paramref name="problem"/> set) when they are not valid.</summary>
    public static ExportSettings? Parse(string[] args, out string? problem)
    {
        string output = "anomllm-parquet";
        int? count = null;
        bool smoke = false, images = false;
        var split = DatasetSplit.Train;
        ulong? seed = null;
        problem = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? next = i + 1 < args.Length ? args[i + 1] : null;
            switch (a)
            {
                case "--smoke": smoke = true; break;
                case "--images": images = true; break;
                case "--out" when next is not null: output = next; i++; break;
                case "--count" when next is not null && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0:
                    count = n; i++; break;
                case "--seed" when next is not null && ulong.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s):
                    seed = s; i++; break;
                case "--split" when next is "train" or "eval":
                    split = next == "eval" ? DatasetSplit.Eval : DatasetSplit.Train; i++; break;
                default:
                    problem = $"unexpected or invalid argument '{a}'";
                    return null;
            }
        }
        int perTask = count ?? (smoke ? 2 : SyntheticDatasets.DefaultCountPerTask(SyntheticSuite.AnomLlm));
        return new ExportSettings(output, perTask, split, seed ?? SyntheticDatasets.DefaultSeed(SyntheticSuite.AnomLlm, split), images);
    }
}
