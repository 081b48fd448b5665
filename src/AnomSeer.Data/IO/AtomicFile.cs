namespace AnomSeer.Data.IO;

/// <summary>
/// Writes a file atomically: the content goes to a temporary file in the same folder, which is flushed to
/// disk and then moved over the destination, so readers see either the old file or the complete new one.
/// </summary>
public sealed class AtomicFile : IDisposable, IAsyncDisposable
{
    private readonly FileStream _stream;
    private bool _done;

    private AtomicFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(Path) ?? ".";
        Directory.CreateDirectory(dir);
        TempPath = System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>Starts writing <paramref name="path"/> (creating its folder); nothing is visible there until <see cref="Commit"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static AtomicFile Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new AtomicFile(path);
    }

    /// <summary>The destination path (full).</summary>
    public string Path { get; }

    /// <summary>The temporary file being written.</summary>
    public string TempPath { get; }

    /// <summary>The stream to write to (readable and seekable too).</summary>
    public Stream Stream => _stream;

    /// <summary>Flushes to disk and moves the temporary file over the destination.</summary>
    /// <exception cref="InvalidOperationException">Already committed or aborted.</exception>
    public void Commit()
    {
        if (_done) throw new InvalidOperationException("The atomic write was already committed or aborted.");
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TempPath, Path, overwrite: true);
        _done = true;
    }

    /// <summary>Discards the temporary file; the destination is untouched.</summary>
    public void Abort()
    {
        if (_done) return;
        _done = true;
        _stream.Dispose();
        try { File.Delete(TempPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Aborts unless committed.</summary>
    public void Dispose() => Abort();

    /// <summary>Aborts unless committed.</summary>
    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }
}
