namespace AnomSeer.Data.Synthetic;

/// <summary>The two splits of the synthetic suites (method spec c.1, c.2).</summary>
public enum DatasetSplit
{
    /// <summary><c>train</c>.</summary>
    Train = 0,

    /// <summary><c>eval</c> (AnomSeer's in-domain test set for the AnomLLM suite).</summary>
    Eval = 1,
}
