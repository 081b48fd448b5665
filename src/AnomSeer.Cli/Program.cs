namespace AnomSeer.Cli;

/// <summary>The <c>anomseer</c> entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Main(string[] args) => AnomSeerCli.Run(args, Console.Out, Console.Error);
}
