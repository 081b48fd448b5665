using AnomSeer.IO;
using System.Text.Json;
using AnomSeer.Data.IO;
using AnomSeer.Data.Loaders;
using AnomSeer.Data.Samples;

namespace AnomSeer.Cli.Commands;

/// <summary>Input and output helpers shared by the verbs: loading a CSV series or JSONL samples, writing files atomically.</summary>
internal static class CommandInputs
{
    /// <summary>Loads a CSV series; missing values (empty or <c>nan</c>) are interpolated. Errors name the file and line.</summary>
    public static LabeledSeries LoadCsv(FileInfo file)
    {
        RequireFile(file, "input file");
        return CsvSeriesLoader.Load(file.FullName, new CsvSeriesOptions { NonFiniteValues = NonFiniteValuePolicy.Interpolate });
    }

    /// <summary>Reads every sample of a JSONL file; errors name the file and line.</summary>
    public static List<TsadSample> LoadJsonl(FileInfo file, CancellationToken ct)
    {
        RequireFile(file, "JSONL file");
        var samples = TsadJsonl.ReadAll(file.FullName, ct).ToList();
        if (samples.Count == 0) throw new InvalidOperationException($"{file.FullName} holds no samples.");
        return samples;
    }

    /// <summary>The sample with <paramref name="id"/>, or the first sample when <paramref name="id"/> is null.</summary>
    public static TsadSample PickSample(FileInfo file, string? id, CancellationToken ct)
    {
        RequireFile(file, "JSONL file");
        foreach (var s in TsadJsonl.ReadAll(file.FullName, ct))
            if (id is null || s.Id == id) return s;
        throw new InvalidOperationException(id is null ? $"{file.FullName} holds no samples." : $"no sample with id '{id}' in {file.FullName}.");
    }

    /// <summary>Throws <see cref="FileNotFoundException"/> with a one-line message when the file is missing.</summary>
    public static void RequireFile(FileInfo file, string what)
    {
        if (!File.Exists(file.FullName)) throw new FileNotFoundException($"{what} not found: {file.FullName}", file.FullName);
    }

    /// <summary>
    /// For <c>eval --model DIR</c>: a missing folder is "model folder not found"; an existing one is refused for now, because
    /// eval does not run policies yet.
    /// </summary>
    public static void RejectModel(DirectoryInfo model)
    {
        if (!Directory.Exists(model.FullName)) throw new DirectoryNotFoundException($"model folder not found: {model.FullName}");
        throw new InvalidOperationException($"policy evaluation is not available yet (model folder {model.FullName}); use --expert.");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, creating its folder.</summary>
    public static void WriteBytes(string path, ReadOnlySpan<byte> bytes)
    {
        CreateParent(path);
        using var file = AtomicFile.Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, string text) => WriteBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Creates the folder of <paramref name="path"/> if needed.</summary>
    public static void CreateParent(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    /// <summary>Writes intervals as <c>[[s, e], …]</c>.</summary>
    public static void WriteIntervals(Utf8JsonWriter w, string name, IEnumerable<AnomalyInterval> intervals)
    {
        w.WriteStartArray(name);
        foreach (var iv in intervals)
        {
            w.WriteStartArray();
            w.WriteNumberValue(iv.Start);
            w.WriteNumberValue(iv.End);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
