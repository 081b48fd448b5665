using AnomSeer.Policy.Tiny;
using AnomSeer.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomSeer.Extensions.DependencyInjection;

/// <summary>
/// Creates <see cref="SftTrainer"/>s with the registered, validated <see cref="SftOptions"/> (<c>AnomSeer:Sft</c>) and a
/// logger from the container's <see cref="ILoggerFactory"/> when there is one. A trainer needs the model it trains, so
/// the container holds this factory, not trainers; each trainer is the caller's to dispose.
/// </summary>
public sealed class SftTrainerFactory
{
    private readonly IOptions<SftOptions> _options;
    private readonly ILoggerFactory? _loggers;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The SFT options.</param>
    /// <param name="loggers">Loggers for the trainers; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SftTrainerFactory(IOptions<SftOptions> options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _loggers = loggers;
    }

    /// <summary>The options every trainer gets.</summary>
    public SftOptions Options => _options.Value;

    /// <summary>Creates a trainer for <paramref name="policy"/> (the trainer does not own the model).</summary>
    /// <param name="policy">The policy to fine-tune.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public SftTrainer Create(TinyPolicyModel policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SftTrainer(policy, _options.Value, _loggers?.CreateLogger<SftTrainer>());
    }
}
