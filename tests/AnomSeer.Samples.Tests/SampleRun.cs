using System.Reflection;

namespace AnomSeer.Samples.Tests;

/// <summary>Helpers: run a sample's entry logic and capture what it writes; temporary folders.</summary>
internal static class SampleRun
{
    /// <summary>Calls a sample's <c>Run(args, output, error)</c>-style delegate and returns the exit code and both texts.</summary>
    public static (int Code, string Out, string Err) Capture(Func<TextWriter, TextWriter, int> run)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = run(output, error);
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Runs the top-level entry point of a sample that has no <c>Run</c> method (QuickStart), with Console's output and
    /// error redirected for the duration (the tests of this assembly run one at a time).
    /// </summary>
    public static (int Code, string Out, string Err) EntryPoint(string assemblyName, params string[] args)
    {
        var entry = Assembly.Load(new AssemblyName(assemblyName)).EntryPoint
            ?? throw new InvalidOperationException($"{assemblyName} has no entry point.");
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [args]);
            if (result is Task<int> ti) result = ti.GetAwaiter().GetResult();
            else if (result is Task t) { t.GetAwaiter().GetResult(); result = 0; }
            return (result as int? ?? 0, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    /// <summary>The repository's NAB subset, copied next to the test assembly.</summary>
    public static string NabTestData => Path.Combine(AppContext.BaseDirectory, "TestData", "nab");
}
