using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Extensions.DependencyInjection;
using AnomSeer.Metrics;
using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnomSeer.Extensions.DependencyInjection.Tests;

public class AddAnomSeerTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(Strict);
    }

    private static void ValidateStart(IServiceProvider sp) => sp.GetRequiredService<IAsyncStartupValidator>().ValidateAsync().GetAwaiter().GetResult();

    [Fact]
    public void Every_component_resolves_under_strict_validation()
    {
        using var sp = Build(s => s.AddAnomSeer());
        ValidateStart(sp);
        Assert.NotNull(sp.GetRequiredService<TimeSeriesPlotRenderer>());
        Assert.NotNull(sp.GetRequiredService<ExpCotGenerator>());
        Assert.NotNull(sp.GetRequiredService<ExpertDetector>());
        Assert.NotNull(sp.GetRequiredService<IPolicyLoader>());
        Assert.Equal(RewardWeights.Paper, sp.GetRequiredService<RewardWeights>());

        // No GPU here: the probe must pick the CPU solver, and the solver must work.
        var choice = sp.GetRequiredService<SinkhornProviderChoice>();
        Assert.Equal(SinkhornProvider.Cpu, choice.Provider);
        var solver = sp.GetRequiredService<ISinkhornSolver>();
        Assert.Same(choice.Solver, solver);
        Assert.Same(choice.Transport, sp.GetRequiredService<IHiddenStateTransport>());
        var problem = new SinkhornProblem<double>(new double[] { 0, 1, 1, 0 }, 2, 2, new double[] { 0.5, 0.5 }, new double[] { 0.5, 0.5 });
        var result = solver.SolveBatch([problem], SinkhornOptions.Paper with { Method = SinkhornMethod.LogDomain, MaxIterations = 200 });
        Assert.InRange(result[0].Cost, 0, 0.05);

        // Singletons: the same instance every time.
        Assert.Same(sp.GetRequiredService<ExpertDetector>(), sp.GetRequiredService<ExpertDetector>());
    }

    [Fact]
    public void Detector_from_the_container_detects_a_spike()
    {
        using var sp = Build(s => s.AddAnomSeer());
        var values = new double[1000];
        for (int t = 0; t < values.Length; t++) values[t] = 0.3 * Math.Sin(2 * Math.PI * t / 40);
        values[600] = 3;
        var detection = sp.GetRequiredService<ExpertDetector>().Detect(new TimeSeries(values));
        Assert.Contains(detection.Intervals, i => i.Contains(600));
    }

    [Fact]
    public void Configure_delegate_reaches_the_components()
    {
        using var sp = Build(s => s.AddAnomSeer(o =>
        {
            o.Plot = o.Plot with { Width = 640, Height = 120 };
            o.Sinkhorn = o.Sinkhorn with { Epsilon = 0.05 };
            o.Reward = new RewardWeights(0.5, 0.3, 0.2);
        }));
        ValidateStart(sp);
        Assert.Equal(640, sp.GetRequiredService<IOptions<PlotOptions>>().Value.Width);
        Assert.Equal(0.05, sp.GetRequiredService<IOptions<SinkhornOptions>>().Value.Epsilon);
        Assert.Equal(0.3, sp.GetRequiredService<RewardWeights>().Classification);
        var png = sp.GetRequiredService<TimeSeriesPlotRenderer>().RenderPng(new double[] { 0, 0.5, -0.5, 0 });
        // PNG IHDR: width and height are big-endian at offsets 16 and 20.
        Assert.Equal(640, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(120, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }

    [Fact]
    public void Configuration_section_binds()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AnomSeer:Plot:Width"] = "800",
            ["AnomSeer:Sinkhorn:Epsilon"] = "0.1",
            ["AnomSeer:Sinkhorn:MaxIterations"] = "70",
            ["AnomSeer:ExpCot:RangeRouteZThreshold"] = "4.5",
            ["AnomSeer:SinkhornProvider:Provider"] = "Cpu",
        }).Build();
        using var sp = Build(s => s.AddAnomSeer(config.GetSection(AnomSeerOptions.SectionName)));
        ValidateStart(sp);
        var o = sp.GetRequiredService<IOptions<AnomSeerOptions>>().Value;
        Assert.Equal(800, o.Plot.Width);
        Assert.Equal(150, o.Plot.Height);
        Assert.Equal(0.1, o.Sinkhorn.Epsilon);
        Assert.Equal(70, o.Sinkhorn.MaxIterations);
        Assert.Equal(4.5, sp.GetRequiredService<IOptions<ExpCotOptions>>().Value.RangeRouteZThreshold);
        Assert.Equal(SinkhornProvider.Cpu, sp.GetRequiredService<IOptions<SinkhornProviderOptions>>().Value.Provider);
    }

    [Fact]
    public void Invalid_options_fail_at_start_naming_the_component()
    {
        using var sp = Build(s => s.AddAnomSeer(o => o.Sinkhorn = o.Sinkhorn with { Epsilon = -1 }));
        var ex = Assert.Throws<OptionsValidationException>(() => ValidateStart(sp));
        Assert.Contains("AnomSeer:Sinkhorn", ex.Message);
        Assert.Contains("Epsilon", ex.Message);
    }

    [Fact]
    public void Unknown_configuration_keys_are_errors()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AnomSeer:Plot:Widht"] = "800",
        }).Build();
        using var sp = Build(s => s.AddAnomSeer(config.GetSection(AnomSeerOptions.SectionName)));
        Assert.Throws<InvalidOperationException>(() => ValidateStart(sp));
    }

    [Fact]
    public void Null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => AnomSeerServiceCollectionExtensions.AddAnomSeer(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddAnomSeer((IConfiguration)null!));
    }
}
