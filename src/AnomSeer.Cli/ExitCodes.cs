namespace AnomSeer.Cli;

/// <summary>Exit codes of the <c>anomseer</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The command failed while running (I/O, malformed data, cancellation).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments: unknown option, invalid value, missing required option.</summary>
    public const int UsageError = 2;
}
