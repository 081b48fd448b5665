namespace AnomSeer.IO;

/// <summary>
/// Replaces a whole folder atomically (checkpoints): the content is written into a staging folder beside the
/// target, which is then swapped in, so a reader sees the old folder or the complete new one, never a mix.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Creates or replaces <paramref name="directory"/> with what <paramref name="write"/> puts in the staging folder it is given.</summary>
    /// <param name="directory">The target folder; its parent is created if needed.</param>
    /// <param name="write">Writes the files into the staging folder (its path is the argument).</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="write"/> is null.</exception>
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
