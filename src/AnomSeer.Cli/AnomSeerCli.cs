using System.CommandLine;
using AnomSeer.Cli.Commands;
using AnomSeer.Data.IO;
using Spectre.Console;

namespace AnomSeer.Cli;

/// <summary>
/// Builds and runs the <c>anomseer</c> command line. Each verb lives in its own file under <c>Commands/</c> and is
/// registered in <see cref="BuildRoot"/>. Errors are one line on standard error
/// (<c>anomseer: error: …</c>) with exit code <see cref="ExitCodes.UsageError"/> for bad arguments and
/// <see cref="ExitCodes.Failure"/> for failures while running.
/// </summary>
public static class AnomSeerCli
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Normal output (results, progress, help).</param>
    /// <param name="stderr">Error output (one line per error).</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var context = new CliContext(console, stdout, stderr, cancellationToken);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            string verb = parse.CommandResult.Command == root ? "" : " " + parse.CommandResult.Command.Name;
            // An unrecognised token explains more than the "required command" error it causes.
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            stderr.WriteLine($"anomseer: error: {OneLine(error.Message)} (see 'anomseer{verb} --help')");
            return ExitCodes.UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            stderr.WriteLine($"anomseer: error: {OneLine(ex.Message)}");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("anomseer: error: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DataFormatException or ArgumentException or InvalidOperationException
            or Training.SftCheckpointException or Training.TimerPoCheckpointException)
        {
            stderr.WriteLine($"anomseer: error: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The root command with every verb.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("AnomSeer: multimodal time-series anomaly detection (datasets, rendering, expert traces, training, evaluation, detection).");
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(RenderCommand.Create(context));
        root.Subcommands.Add(ExpCotCommand.Create(context));
        root.Subcommands.Add(DetectCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        return root;
    }

    private static string OneLine(string s) =>
        string.Join(' ', s.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
}
