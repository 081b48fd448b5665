namespace AnomSeer.Data.Tests;

/// <summary>Paths of the test data and a disposable temporary folder.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anomseer-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static string NabRoot => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "nab");

    public string File(string name, string? content = null)
    {
        string p = System.IO.Path.Combine(Path, name);
        if (content is not null) System.IO.File.WriteAllText(p, content);
        return p;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
