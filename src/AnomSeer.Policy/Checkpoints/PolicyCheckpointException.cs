namespace AnomSeer.Policy.Checkpoints;

/// <summary>A checkpoint folder is missing a file, or a file is corrupt or does not match the others.</summary>
public sealed class PolicyCheckpointException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending file or folder.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public PolicyCheckpointException(string path, string message, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        Path = path;
    }

    /// <summary>The offending file or folder.</summary>
    public string Path { get; }
}
