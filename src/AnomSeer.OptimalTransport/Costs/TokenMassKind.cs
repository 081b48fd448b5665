namespace AnomSeer.OptimalTransport;

/// <summary>How the tokens of a sequence are weighted as OT masses.</summary>
public enum TokenMassKind
{
    /// <summary>The paper's choice (spec b.5 step 3): <c>p_t = softmax_t(‖h_t‖₂)</c>; peaked on high-norm tokens.</summary>
    SoftmaxOfNorms = 0,

    /// <summary>Every token weighs <c>1/T</c>: a named deviation (spec g.2).</summary>
    Uniform = 1,
}
