namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Settings of the fused "hidden states → W" computation: the paper's cost, masses and solver settings.</summary>
public sealed record HiddenStateTransportOptions
{
    /// <summary>The paper's settings: softmax-of-norms masses and <see cref="SinkhornOptions.Paper"/>.</summary>
    public static HiddenStateTransportOptions Paper { get; } = new();

    /// <summary>The solver settings. Default <see cref="SinkhornOptions.Paper"/> (ε = 0.08, 50 iterations).</summary>
    public SinkhornOptions Sinkhorn { get; init; } = SinkhornOptions.Paper;

    /// <summary>How tokens are weighted. Default <see cref="TokenMassKind.SoftmaxOfNorms"/> (spec b.5 step 3).</summary>
    public TokenMassKind Masses { get; init; } = TokenMassKind.SoftmaxOfNorms;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Sinkhorn"/> is null.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Sinkhorn, nameof(Sinkhorn));
        Sinkhorn.Validate();
        if (!Enum.IsDefined(Masses))
            throw new ArgumentOutOfRangeException(nameof(Masses), Masses, "Unknown token mass kind.");
    }
}
