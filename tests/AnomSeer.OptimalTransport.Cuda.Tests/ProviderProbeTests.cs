using Microsoft.Extensions.Logging;

namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>The provider probe: real CUDA probing on this machine (no GPU here) and the environment variable.</summary>
public sealed class ProviderProbeTests
{
    private sealed class ListLogger : ILogger, ILoggerFactory
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries) Entries.Add((logLevel, formatter(state, exception)));
        }
        public ILogger CreateLogger(string categoryName) => this;
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
    }

    private static CudaSinkhornSolver NoDevice(SinkhornProviderOptions _) => throw new CudaUnavailableException("no device in this test");

    [Fact]
    public void Auto_picks_the_cpu_solver_on_a_machine_without_a_gpu()
    {
        // The real probe (libcuda.so.1 lookup, ILGPU device enumeration): this test machine has no GPU.
        var log = new ListLogger();
        using var choice = SinkhornProviderProbe.Select(new SinkhornProviderOptions { HonourEnvironmentVariable = false }, log);
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        Assert.Same(CpuSinkhornSolver.Shared, choice.Solver);
        Assert.IsType<CpuHiddenStateTransport>(choice.Transport);
        Assert.Contains("CUDA unavailable", choice.Reason);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public void CreateCuda_throws_a_typed_exception_without_a_gpu()
    {
        var e = Assert.Throws<CudaUnavailableException>(() => CudaSinkhornSolver.CreateCuda());
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData("cpu", SinkhornProvider.Cpu)]
    [InlineData(" CUDA ", SinkhornProvider.Cuda)]
    [InlineData("Auto", SinkhornProvider.Auto)]
    public void The_environment_value_is_parsed(string value, SinkhornProvider expected)
    {
        Assert.True(SinkhornProviderProbe.TryParse(value, out var provider));
        Assert.Equal(expected, provider);
    }

    [Fact]
    public void Env_cpu_never_opens_cuda_even_when_a_device_exists()
    {
        bool opened = false;
        using var choice = SinkhornProviderProbe.Select(new SinkhornProviderOptions { Provider = SinkhornProvider.Cuda }, null, "cpu",
            _ => { opened = true; return CudaSinkhornSolver.CreateCpuAccelerator(); });
        Assert.False(opened);
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        Assert.Contains(SinkhornProviderProbe.EnvironmentVariable + "=cpu", choice.Reason);
    }

    [Fact]
    public void Env_cuda_without_a_device_logs_an_error_and_falls_back_to_cpu()
    {
        var log = new ListLogger();
        using var choice = SinkhornProviderProbe.Select(new SinkhornProviderOptions { Provider = SinkhornProvider.Cpu }, log, "cuda", NoDevice);
        Assert.Equal(SinkhornProvider.Cuda, choice.Requested);
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("no device in this test"));
    }

    [Fact]
    public void Env_cuda_with_a_device_uses_it()
    {
        // A stand-in "device": the solver on ILGPU's CPU accelerator, returned by the injected opener.
        using var choice = SinkhornProviderProbe.Select(null, null, "cuda", _ => CudaSinkhornSolver.CreateCpuAccelerator(CpuAcceleratorFixture.SmallDevice));
        Assert.Equal(SinkhornProvider.Cuda, choice.Provider);
        Assert.IsType<CudaSinkhornSolver>(choice.Solver);
        Assert.Same(choice.Solver, choice.Transport);
    }

    [Fact]
    public void An_unknown_env_value_is_logged_and_the_options_decide()
    {
        var log = new ListLogger();
        using var choice = SinkhornProviderProbe.Select(new SinkhornProviderOptions { Provider = SinkhornProvider.Cpu }, log, "gpu-please", NoDevice);
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("gpu-please"));
    }

    [Fact]
    public void Auto_without_a_device_logs_information_not_an_error()
    {
        var log = new ListLogger();
        using var choice = SinkhornProviderProbe.Select(null, log, "auto", NoDevice);
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }
}
