namespace AnomSeer.Training;

/// <summary>An SFT checkpoint could not be read or does not match the trainer; the message names the file.</summary>
public sealed class SftCheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending file or folder.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public SftCheckpointException(string path, string problem, Exception? inner = null)
        : base($"SFT checkpoint '{path}': {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The offending file or folder.</summary>
    public string Path { get; }
}
