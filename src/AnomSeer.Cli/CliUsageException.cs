namespace AnomSeer.Cli;

/// <summary>An argument combination that parses but makes no sense; reported as a usage error (exit code 2).</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    public CliUsageException(string message) : base(message) { }
}
