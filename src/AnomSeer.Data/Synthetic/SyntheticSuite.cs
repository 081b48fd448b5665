namespace AnomSeer.Data.Synthetic;

/// <summary>The synthetic suites.</summary>
public enum SyntheticSuite
{
    /// <summary><c>anomllm</c>: the 8 AnomLLM-style tasks, length 1000 (training and in-domain test; spec c.1).</summary>
    AnomLlm = 0,

    /// <summary><c>vta</c>: the 5 VisualTimeAnomaly-style univariate types, length 400 (out-of-domain evaluation; spec c.2).</summary>
    Vta = 1,
}
