using AnomSeer.ExpCoT;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Extensions.DependencyInjection;
using AnomSeer.Metrics;
using AnomSeer.OptimalTransport;
using AnomSeer.OptimalTransport.Cuda;
using AnomSeer.Plotting;
using AnomSeer.Policy;
using AnomSeer.Policy.Checkpoints;
using AnomSeer.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AnomSeer's components in a service collection.</summary>
public static class AnomSeerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the plot renderer, ExpCoT generator, expert detector, Sinkhorn provider (CPU or CUDA by
    /// the probe; <see cref="ISinkhornSolver"/> and <see cref="IHiddenStateTransport"/>), reward weights, policy
    /// loader and the trainer factories (<see cref="SftTrainerFactory"/>, <see cref="TimerPoTrainerFactory"/>) as
    /// singletons, with <see cref="AnomSeerOptions"/> validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the options (paper defaults otherwise).</param>
    public static IServiceCollection AddAnomSeer(this IServiceCollection services, Action<AnomSeerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<AnomSeerOptions>();
        if (configure is not null) builder.Configure(configure);
        return AddCore(services, builder);
    }

    /// <summary>Registers AnomSeer's components with options bound from a configuration section (e.g. "AnomSeer").</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>Plot</c>, <c>ExpCot</c>, <c>Detector</c>, <c>Sinkhorn</c>, <c>SinkhornProvider</c>, <c>Reward</c>, <c>Sft</c>, <c>TimerPo</c>.</param>
    public static IServiceCollection AddAnomSeer(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddOptions<AnomSeerOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        return AddCore(services, builder);
    }

    private static IServiceCollection AddCore(IServiceCollection services, OptionsBuilder<AnomSeerOptions> builder)
    {
        builder.ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<AnomSeerOptions>, AnomSeerOptionsValidator>();

        // Each component's own options, as IOptions<T>, taken from the validated whole.
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).Plot));
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).ExpCot));
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).Detector));
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).Sinkhorn));
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).SinkhornProvider));
        services.TryAddSingleton(sp => Value(sp).Reward);
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).Sft));
        services.TryAddSingleton(sp => Options.Options.Create(Value(sp).TimerPo));

        services.TryAddSingleton(sp => new TimeSeriesPlotRenderer(Value(sp).Plot));
        services.TryAddSingleton(sp => new ExpCotGenerator(Value(sp).ExpCot));
        services.TryAddSingleton(sp => new ExpertDetector(Value(sp).Detector));
        services.TryAddSingleton(sp => SinkhornProviderProbe.Select(Value(sp).SinkhornProvider, sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<SinkhornProviderChoice>().Solver);
        services.TryAddSingleton(sp => sp.GetRequiredService<SinkhornProviderChoice>().Transport);
        services.TryAddSingleton<IPolicyLoader, TinyPolicyLoader>();
        services.TryAddSingleton(sp => new SftTrainerFactory(sp.GetRequiredService<IOptions<SftOptions>>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new TimerPoTrainerFactory(sp.GetRequiredService<IOptions<TimerPoOptions>>(),
            sp.GetRequiredService<ISinkhornSolver>(), sp.GetService<ILoggerFactory>()));
        return services;
    }

    private static AnomSeerOptions Value(IServiceProvider sp) => sp.GetRequiredService<IOptions<AnomSeerOptions>>().Value;

    /// <summary>Reports every invalid component at once, naming it.</summary>
    private sealed class AnomSeerOptionsValidator : IValidateOptions<AnomSeerOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnomSeerOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail(e.Message);
            }
        }
    }
}
