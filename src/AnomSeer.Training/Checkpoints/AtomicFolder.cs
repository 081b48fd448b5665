namespace AnomSeer.Training.Checkpoints;

/// <summary>
/// Writes a checkpoint folder atomically: its files go into a staging folder next to the target, which is then swapped
/// in, so a reader never sees a partial checkpoint.
/// </summary>
internal static class AtomicFolder
{
    /// <summary>Creates or replaces <paramref name="directory"/> with what <paramref name="write"/> puts into the
    /// staging folder it is given.</summary>
    public static void Write(string directory, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(target);
        string staging = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.staging");
        string old = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.old");
        Directory.CreateDirectory(staging);
        try
        {
            write(staging);
            bool existed = Directory.Exists(target);
            if (existed) Directory.Move(target, old);
            Directory.Move(staging, target);
            if (existed) Directory.Delete(old, recursive: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
