using System.Globalization;

namespace NabEvaluation;

/// <summary>The command line of the sample.</summary>
/// <param name="NabRoot">The NAB root (holding <c>data/</c> and <c>labels/combined_windows.json</c>), or null to search.</param>
/// <param name="Model">A policy folder, or null to look for <c>models/anomseer-tiny</c>.</param>
/// <param name="MaxFiles">Evaluate at most this many files (in ordinal order), or all.</param>
/// <param name="MaxWindowsPerFile">Evaluate at most this many windows of each file, or all.</param>
/// <param name="MaxResponseTokens">The policy's response budget in tokens (default: the paper's 1024).</param>
/// <param name="Seed">The policy's sampling seed.</param>
internal sealed record NabSettings(string? NabRoot, string? Model, int? MaxFiles, int? MaxWindowsPerFile, int? MaxResponseTokens, int Seed)
{
    public const string Usage = "usage: NabEvaluation [--nab DIR] [--model DIR] [--files N] [--windows N] [--max-tokens N] [--seed S]";

    /// <summary>Parses the arguments; null (with <paramref name="problem"/> set) when they are not valid.</summary>
    public static NabSettings? Parse(string[] args, out string? problem)
    {
        string? nab = null, model = null;
        int? files = null, windows = null, tokens = null;
        int seed = 0;
        problem = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string? next = i + 1 < args.Length ? args[i + 1] : null;
            bool positive = int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0;
            switch (a)
            {
                case "--nab" when next is not null: nab = next; i++; break;
                case "--model" when next is not null: model = next; i++; break;
                case "--files" when positive: files = n; i++; break;
                case "--windows" when positive: windows = n; i++; break;
                case "--max-tokens" when positive: tokens = n; i++; break;
                case "--seed" when next is not null && int.TryParse(next, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int s):
                    seed = s; i++; break;
                default:
                    problem = $"unexpected or invalid argument '{a}'";
                    return null;
            }
        }
        return new NabSettings(nab, model, files, windows, tokens, seed);
    }
}
