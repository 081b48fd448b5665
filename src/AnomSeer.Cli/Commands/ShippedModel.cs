namespace AnomSeer.Cli.Commands;

/// <summary>Finds the repository's shipped policy, <c>models/anomseer-tiny</c>, for commands whose model is optional.</summary>
internal static class ShippedModel
{
    /// <summary>The relative folder of the shipped model.</summary>
    public static readonly string RelativePath = Path.Combine("models", "anomseer-tiny");

    /// <summary>The first <c>models/anomseer-tiny</c> holding a <c>config.json</c> in the working folder, the program's
    /// folder or one of their parents; null when there is none.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, RelativePath);
                if (File.Exists(Path.Combine(candidate, "config.json"))) return candidate;
            }
        return null;
    }
}
