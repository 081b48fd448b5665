using System.Diagnostics.CodeAnalysis;

namespace AnomSeer.Data.Synthetic;

/// <summary>Folder names of <see cref="AnomLlmTask"/> values ("range", "noisy-point", "flat-trend", ...), and the task properties.</summary>
public static class AnomLlmTaskNames
{
    private static readonly string[] Names = ["range", "point", "freq", "trend", "flat-trend", "noisy-point", "noisy-freq", "noisy-trend"];

    /// <summary>All eight tasks in the order of method spec c.1.</summary>
    public static IReadOnlyList<AnomLlmTask> All { get; } =
        [AnomLlmTask.Range, AnomLlmTask.Point, AnomLlmTask.Freq, AnomLlmTask.Trend, AnomLlmTask.FlatTrend,
         AnomLlmTask.NoisyPoint, AnomLlmTask.NoisyFreq, AnomLlmTask.NoisyTrend];

    /// <summary>The folder name, e.g. <c>"noisy-freq"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="task"/> is not defined.</exception>
    public static string ToName(this AnomLlmTask task)
    {
        int i = (int)task;
        if (i < 0 || i >= Names.Length)
            throw new ArgumentOutOfRangeException(nameof(task), task, "Not a defined AnomLlmTask.");
        return Names[i];
    }

    /// <summary>Parses a folder name (case-insensitive, surrounding white space ignored).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out AnomLlmTask? task)
    {
        int i = name is null ? -1 : Array.FindIndex(Names, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        task = i < 0 ? null : (AnomLlmTask)i;
        return i >= 0;
    }

    /// <summary>Parses a folder name; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">Not one of the eight names.</exception>
    public static AnomLlmTask Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var t)
            ? t.Value
            : throw new FormatException($"'{name}' is not an AnomLLM task; expected one of: {string.Join(", ", Names)}.");
    }

    /// <summary>Whether the task adds N(0, noise) to every point after generation (the <c>noisy-*</c> tasks).</summary>
    public static bool IsNoisy(this AnomLlmTask task) =>
        task is AnomLlmTask.NoisyPoint or AnomLlmTask.NoisyFreq or AnomLlmTask.NoisyTrend;

    /// <summary>The noise-free generator a task uses: <c>noisy-X</c> → X; every other task is its own base.</summary>
    public static AnomLlmTask BaseTask(this AnomLlmTask task) => task switch
    {
        AnomLlmTask.NoisyPoint => AnomLlmTask.Point,
        AnomLlmTask.NoisyFreq => AnomLlmTask.Freq,
        AnomLlmTask.NoisyTrend => AnomLlmTask.Trend,
        _ => task,
    };

    /// <summary>
    /// The column of the paper's Table 1 a task is reported under (method spec g.7): <c>Frequency</c> (freq, noisy-freq),
    /// <c>Trend</c> (trend, noisy-trend, flat-trend), <c>Range</c> (range) or <c>Point</c> (point, noisy-point).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="task"/> is not defined.</exception>
    public static string PaperTableColumn(this AnomLlmTask task) => task switch
    {
        AnomLlmTask.Freq or AnomLlmTask.NoisyFreq => "Frequency",
        AnomLlmTask.Trend or AnomLlmTask.NoisyTrend or AnomLlmTask.FlatTrend => "Trend",
        AnomLlmTask.Range => "Range",
        AnomLlmTask.Point or AnomLlmTask.NoisyPoint => "Point",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Not a defined AnomLlmTask."),
    };

    /// <summary>The Table 1 column of a task folder name (<see cref="PaperTableColumn(AnomLlmTask)"/>); <c>Other</c> for a
    /// name that is not an AnomLLM task.</summary>
    public static string PaperTableColumn(string? taskName) =>
        TryParse(taskName, out var task) ? task.Value.PaperTableColumn() : "Other";
}
