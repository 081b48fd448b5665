using Spectre.Console;

namespace AnomSeer.Cli;

/// <summary>What every verb gets: the console (progress, tables), the raw writers and a cancellation token.</summary>
/// <param name="Console">The Spectre console writing to <paramref name="Out"/>.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="CancellationToken">Cancels long work.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, CancellationToken CancellationToken);
