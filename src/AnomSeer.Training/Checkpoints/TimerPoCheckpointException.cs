namespace AnomSeer.Training;

/// <summary>A TimerPO checkpoint could not be read or does not match the trainer; the message names the file.</summary>
public sealed class TimerPoCheckpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending file or folder.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public TimerPoCheckpointException(string path, string problem, Exception? inner = null)
        : base($"TimerPO checkpoint '{path}': {problem}", inner)
    {
        Path = path;
    }

    /// <summary>The offending file or folder.</summary>
    public string Path { get; }
}
