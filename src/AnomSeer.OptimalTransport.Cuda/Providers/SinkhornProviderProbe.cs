using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>
/// Picks the Sinkhorn implementation at run time, in the manner of MathNet.Numerics' native providers: the managed
/// CPU solver always works; the CUDA solver is probed (driver, device, kernel compilation) and used when it opens.
/// A failed probe is logged and never fatal. <c>ANOMSEER_SINKHORN=cpu|cuda|auto</c> forces the choice.
/// </summary>
public static class SinkhornProviderProbe
{
    /// <summary>The environment variable that forces the provider: <c>cpu</c>, <c>cuda</c> or <c>auto</c> (case-insensitive).</summary>
    public const string EnvironmentVariable = "ANOMSEER_SINKHORN";

    private static readonly Action<ILogger, string, Exception?> s_chosen =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(10, "SinkhornProviderChosen"), "{Reason}");

    private static readonly Action<ILogger, string, Exception?> s_cudaUnavailable =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(11, "SinkhornCudaUnavailable"), "CUDA Sinkhorn unavailable, using the CPU solver: {Message}");

    private static readonly Action<ILogger, string, Exception?> s_cudaFailed =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(12, "SinkhornCudaFailed"), "CUDA Sinkhorn was requested but could not be opened; falling back to the CPU solver: {Message}");

    private static readonly Action<ILogger, string, Exception?> s_badVariable =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(13, "SinkhornBadEnvironmentVariable"), "Ignoring " + EnvironmentVariable + "='{Value}': expected cpu, cuda or auto.");

    /// <summary>Probes and returns the provider to use. Never throws for a missing or broken GPU.</summary>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="loggerFactory">Receives the choice (information), an unavailable GPU (information), a forced CUDA that failed (error).</param>
    public static SinkhornProviderChoice Select(SinkhornProviderOptions? options = null, ILoggerFactory? loggerFactory = null) =>
        Select(options, loggerFactory, Environment.GetEnvironmentVariable(EnvironmentVariable),
            o => CudaSinkhornSolver.CreateCuda(o.DeviceIndex, o.Cuda, loggerFactory?.CreateLogger<CudaSinkhornSolver>()));

    /// <summary>Parses a value of <see cref="EnvironmentVariable"/> (case-insensitive, surrounding blanks ignored).</summary>
    /// <param name="value">The value.</param>
    /// <param name="provider">The provider, when the value is valid.</param>
    /// <returns>Whether the value is one of <c>cpu</c>, <c>cuda</c>, <c>auto</c>.</returns>
    public static bool TryParse(string? value, out SinkhornProvider provider)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "cpu": provider = SinkhornProvider.Cpu; return true;
            case "cuda": provider = SinkhornProvider.Cuda; return true;
            case "auto": provider = SinkhornProvider.Auto; return true;
            default: provider = SinkhornProvider.Auto; return false;
        }
    }

    /// <summary>The probe with the environment value and the CUDA factory given explicitly (for tests).</summary>
    internal static SinkhornProviderChoice Select(SinkhornProviderOptions? options, ILoggerFactory? loggerFactory,
        string? environmentValue, Func<SinkhornProviderOptions, CudaSinkhornSolver> openCuda)
    {
        options ??= new SinkhornProviderOptions();
        var logger = (ILogger?)loggerFactory?.CreateLogger(typeof(SinkhornProviderProbe).FullName!) ?? NullLogger.Instance;
        var requested = options.Provider;
        string source = "options";
        if (options.HonourEnvironmentVariable && !string.IsNullOrWhiteSpace(environmentValue))
        {
            if (TryParse(environmentValue, out var forced))
            {
                requested = forced;
                source = EnvironmentVariable + "=" + environmentValue.Trim();
            }
            else
            {
                s_badVariable(logger, environmentValue, null);
            }
        }

        SinkhornProviderChoice choice;
        if (requested == SinkhornProvider.Cpu)
        {
            choice = new SinkhornProviderChoice(requested, null, $"Sinkhorn provider: cpu (requested by {source}).");
        }
        else
        {
            try
            {
                var cuda = openCuda(options);
                choice = new SinkhornProviderChoice(requested, cuda, $"Sinkhorn provider: {cuda.Name} on {cuda.Accelerator.Name} (requested {requested.ToString().ToLowerInvariant()} by {source}).");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (requested == SinkhornProvider.Cuda) s_cudaFailed(logger, e.Message, e);
                else s_cudaUnavailable(logger, e.Message, null);
                choice = new SinkhornProviderChoice(requested, null,
                    $"Sinkhorn provider: cpu (requested {requested.ToString().ToLowerInvariant()} by {source}; CUDA unavailable: {e.Message}).");
            }
        }
        s_chosen(logger, choice.Reason, null);
        return choice;
    }
}
