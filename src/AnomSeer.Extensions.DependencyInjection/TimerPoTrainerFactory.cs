using AnomSeer.OptimalTransport;
using AnomSeer.Policy;
using AnomSeer.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnomSeer.Extensions.DependencyInjection;

/// <summary>
/// Creates <see cref="TimerPoTrainer"/>s with the registered, validated <see cref="TimerPoOptions"/> (<c>AnomSeer:TimerPo</c>),
/// the container's <see cref="ISinkhornSolver"/> (CPU or CUDA by the provider probe) and a logger from the container's
/// <see cref="ILoggerFactory"/> when there is one. A trainer needs the models it trains, so the container holds this
/// factory, not trainers; each trainer is the caller's to dispose.
/// </summary>
/// <remarks>
/// A CUDA solver takes float32 problems only: with <c>SinkhornProvider:Provider</c> set to CUDA (or chosen by the probe),
/// set <c>TimerPo:Advantage:SinglePrecision</c> to true, or <see cref="Create"/> throws the trainer's
/// <see cref="ArgumentException"/> explaining it.
/// </remarks>
public sealed class TimerPoTrainerFactory
{
    private readonly IOptions<TimerPoOptions> _options;
    private readonly ISinkhornSolver _solver;
    private readonly ILoggerFactory? _loggers;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The TimerPO options.</param>
    /// <param name="solver">The Sinkhorn solver of the OT advantage.</param>
    /// <param name="loggers">Loggers for the trainers; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="solver"/> is null.</exception>
    public TimerPoTrainerFactory(IOptions<TimerPoOptions> options, ISinkhornSolver solver, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(solver);
        _options = options;
        _solver = solver;
        _loggers = loggers;
    }

    /// <summary>The options every trainer gets.</summary>
    public TimerPoOptions Options => _options.Value;

    /// <summary>The solver every trainer gets.</summary>
    public ISinkhornSolver Solver => _solver;

    /// <summary>Creates a trainer (the trainer does not own the models).</summary>
    /// <param name="policy">The policy to train, typically an SFT checkpoint.</param>
    /// <param name="reference">The frozen reference policy of the KL loss, a copy of the initial policy (for example
    /// <c>TinyPolicyModel.Clone()</c>); not the same instance as <paramref name="policy"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException">The reference is the policy itself, or the solver does not take the options' precision.</exception>
    public TimerPoTrainer Create(IPolicyModel policy, IPolicyModel reference)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reference);
        return new TimerPoTrainer(policy, reference, _options.Value, _solver, _loggers?.CreateLogger<TimerPoTrainer>());
    }
}
