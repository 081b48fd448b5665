using AnomSeer.OptimalTransport;
using AnomSeer.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnomSeer.Extensions.DependencyInjection.Tests;

/// <summary>The SFT and TimerPO trainer factories and their options in the container.</summary>
public class TrainerRegistrationTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(Strict);
    }

    private static void ValidateStart(IServiceProvider sp) => sp.GetRequiredService<IAsyncStartupValidator>().ValidateAsync().GetAwaiter().GetResult();

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(AnomSeerOptions.SectionName);

    [Fact]
    public void Factories_resolve_under_strict_validation_with_the_default_options_and_the_container_solver()
    {
        using var sp = Build(s => s.AddAnomSeer());
        ValidateStart(sp);
        var sft = sp.GetRequiredService<SftTrainerFactory>();
        var timerPo = sp.GetRequiredService<TimerPoTrainerFactory>();
        Assert.Same(sft, sp.GetRequiredService<SftTrainerFactory>());
        Assert.Equal(new SftOptions(), sft.Options);
        Assert.Equal(new TimerPoOptions(), timerPo.Options);
        Assert.Equal(TimerPoMode.TimerPO, timerPo.Options.Mode);
        Assert.Equal(5, timerPo.Options.ResponsesPerPrompt);
        Assert.Same(sp.GetRequiredService<ISinkhornSolver>(), timerPo.Solver);
        Assert.Same(sp.GetRequiredService<IOptions<SftOptions>>().Value, sft.Options);
        Assert.Same(sp.GetRequiredService<IOptions<TimerPoOptions>>().Value, timerPo.Options);

        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => sft.Create(null!)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentNullException>(() => timerPo.Create(null!, null!)).ParamName);
    }

    [Fact]
    public void Trainer_options_bind_from_configuration()
    {
        var section = Section(new()
        {
            ["AnomSeer:Sft:BatchSize"] = "4",
            ["AnomSeer:Sft:LearningRate"] = "0.0005",
            ["AnomSeer:Sft:WarmupSteps"] = "10",
            ["AnomSeer:Sft:Seed"] = "7",
            ["AnomSeer:TimerPo:Mode"] = "OutcomeOnly",
            ["AnomSeer:TimerPo:ResponsesPerPrompt"] = "3",
            ["AnomSeer:TimerPo:MaxResponseTokens"] = "256",
            ["AnomSeer:TimerPo:KlCoefficient"] = "0",
            ["AnomSeer:TimerPo:Advantage:Alpha"] = "0.5",
            ["AnomSeer:TimerPo:Advantage:SinglePrecision"] = "true",
        });
        using var sp = Build(s => s.AddAnomSeer(section));
        ValidateStart(sp);
        var sft = sp.GetRequiredService<SftTrainerFactory>().Options;
        Assert.Equal(4, sft.BatchSize);
        Assert.Equal(0.0005, sft.LearningRate);
        Assert.Equal(10, sft.WarmupSteps);
        Assert.Equal(7, sft.Seed);
        Assert.Equal(new SftOptions().ScheduleSteps, sft.ScheduleSteps); // unset keys keep their defaults
        var timerPo = sp.GetRequiredService<TimerPoTrainerFactory>().Options;
        Assert.Equal(TimerPoMode.OutcomeOnly, timerPo.Mode);
        Assert.Equal(AdvantageMode.OutcomeOnly, timerPo.AdvantageMode);
        Assert.Equal(3, timerPo.ResponsesPerPrompt);
        Assert.Equal(256, timerPo.MaxResponseTokens);
        Assert.Equal(0, timerPo.KlCoefficient);
        Assert.Equal(0.5, timerPo.Advantage.Alpha);
        Assert.True(timerPo.Advantage.SinglePrecision);
        Assert.Equal(TimerPoOptions.Defaults.PromptsPerStep, timerPo.PromptsPerStep);
    }

    [Fact]
    public void Binding_never_changes_the_shared_paper_defaults()
    {
        var section = Section(new()
        {
            ["AnomSeer:TimerPo:Advantage:Alpha"] = "0.9",
            ["AnomSeer:Sinkhorn:Epsilon"] = "0.2",
            ["AnomSeer:Reward:Classification"] = "0.3",
            ["AnomSeer:Reward:Localization"] = "0.6",
            ["AnomSeer:SinkhornProvider:Cuda:ThreadsPerGroup"] = "128",
        });
        using var sp = Build(s => s.AddAnomSeer(section));
        ValidateStart(sp);
        Assert.Equal(0.9, sp.GetRequiredService<TimerPoTrainerFactory>().Options.Advantage.Alpha);
        Assert.Equal(0.2, sp.GetRequiredService<IOptions<SinkhornOptions>>().Value.Epsilon);
        Assert.Equal(TimerPoAdvantageOptions.Defaults.Alpha, TimerPoAdvantageOptions.Paper.Alpha);
        Assert.Equal(0.3, sp.GetRequiredService<AnomSeer.Metrics.RewardWeights>().Classification);
        Assert.Equal(128, sp.GetRequiredService<IOptions<AnomSeer.OptimalTransport.Cuda.SinkhornProviderOptions>>().Value.Cuda.ThreadsPerGroup);
        Assert.Equal(0.08, SinkhornOptions.Paper.Epsilon);
        Assert.Equal(AnomSeer.Metrics.RewardWeights.Defaults.Classification, AnomSeer.Metrics.RewardWeights.Paper.Classification);
        Assert.Equal(AnomSeer.OptimalTransport.Cuda.CudaSinkhornSolverOptions.Defaults.ThreadsPerGroup, AnomSeer.OptimalTransport.Cuda.CudaSinkhornSolverOptions.Default.ThreadsPerGroup);
        Assert.Equal(TimerPoAdvantageOptions.Defaults.Alpha, new TimerPoOptions().Advantage.Alpha);
    }

    [Fact]
    public void Configure_delegate_reaches_the_factories()
    {
        using var sp = Build(s => s.AddAnomSeer(o =>
        {
            o.Sft = o.Sft with { BatchSize = 8, EvaluationInterval = 50 };
            o.TimerPo = o.TimerPo with { Mode = TimerPoMode.GenericCoT, PromptsPerStep = 2 };
        }));
        ValidateStart(sp);
        Assert.Equal(8, sp.GetRequiredService<SftTrainerFactory>().Options.BatchSize);
        Assert.Equal(50, sp.GetRequiredService<IOptions<SftOptions>>().Value.EvaluationInterval);
        var timerPo = sp.GetRequiredService<TimerPoTrainerFactory>().Options;
        Assert.Equal(TimerPoMode.GenericCoT, timerPo.Mode);
        Assert.Equal(2, timerPo.PromptsPerStep);
    }

    [Theory]
    [InlineData("AnomSeer:Sft:BatchSize", "0", "AnomSeer:Sft", "BatchSize")]
    [InlineData("AnomSeer:Sft:LearningRate", "-1", "AnomSeer:Sft", "LearningRate")]
    [InlineData("AnomSeer:TimerPo:ResponsesPerPrompt", "0", "AnomSeer:TimerPo", "ResponsesPerPrompt")]
    [InlineData("AnomSeer:TimerPo:ClipRatio", "1.5", "AnomSeer:TimerPo", "ClipRatio")]
    [InlineData("AnomSeer:TimerPo:Advantage:Temperature", "0", "AnomSeer:TimerPo", "Temperature")]
    public void Invalid_trainer_options_fail_at_start_naming_the_component(string key, string value, string component, string property)
    {
        using var sp = Build(s => s.AddAnomSeer(Section(new() { [key] = value })));
        var ex = Assert.Throws<OptionsValidationException>(() => ValidateStart(sp));
        Assert.Contains(component, ex.Message);
        Assert.Contains(property, ex.Message);
    }

    [Fact]
    public void Unknown_trainer_keys_are_errors()
    {
        using var sp = Build(s => s.AddAnomSeer(Section(new() { ["AnomSeer:TimerPo:ResponsesPerPromt"] = "3" })));
        Assert.Throws<InvalidOperationException>(() => ValidateStart(sp));
    }
}
