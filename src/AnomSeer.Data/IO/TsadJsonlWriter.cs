using AnomSeer.IO;
using System.Text.Json;
using AnomSeer.Data.Samples;

namespace AnomSeer.Data.IO;

/// <summary>
/// Streams samples into a JSONL file (format: <see cref="TsadJsonl"/>). The file appears at its path only
/// when <see cref="Commit"/> is called; disposing without committing leaves the destination untouched.
/// </summary>
public sealed class TsadJsonlWriter : IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly AtomicFile _file;
    private readonly Utf8JsonWriter _json;

    private TsadJsonlWriter(string path)
    {
        _file = AtomicFile.Create(path);
        _json = new Utf8JsonWriter(_file.Stream, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Starts a JSONL file at <paramref name="path"/> (its folder is created).</summary>
    public static TsadJsonlWriter Create(string path) => new(path);

    /// <summary>The destination path.</summary>
    public string Path => _file.Path;

    /// <summary>Samples written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one sample as one line.</summary>
    public void Write(TsadSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        TsadJsonl.Write(_json, sample);
        _json.Flush();
        _json.Reset();
        _file.Stream.Write(NewLine);
        Count++;
    }

    /// <summary>Flushes and moves the file into place.</summary>
    public void Commit()
    {
        _json.Dispose(); // flushes; must happen before the stream is closed by the commit
        _file.Commit();
    }

    /// <summary>Discards the file unless committed.</summary>
    public void Dispose()
    {
        _json.Dispose();
        _file.Dispose();
    }
}
