namespace AnomSeer.IO;

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

    /// <summary>Writes a file atomically: <paramref name="write"/> fills a temporary file in the same folder, which then
    /// replaces <paramref name="path"/>; on any exception the target is untouched and the temporary file removed.</summary>
    /// <param name="path">The target file; its folder is created if needed.</param>
    /// <param name="write">Writes the content.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="write"/> is null.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes UTF-8 text (no byte-order mark) atomically; see <see cref="Write"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, s =>
        {
            using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true);
            w.Write(text);
        });
    }

    /// <summary>Writes bytes atomically; see <see cref="Write"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }
}
