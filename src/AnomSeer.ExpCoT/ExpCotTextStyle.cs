namespace AnomSeer.ExpCoT;

/// <summary>How the ExpCoT text is written.</summary>
public enum ExpCotTextStyle
{
    /// <summary>
    /// Default. The released template without its artefacts: no LaTeX markers (<c>\textbf</c>, <c>\textit</c>,
    /// <c>\&amp;</c>), the evidence sentences unchanged (no "To find"/"For" → "The analysis" rewrite that produces
    /// "The analysis trend analysis"), and the discord sentence says "below" when the z-score is below the threshold.
    /// </summary>
    Clean = 0,

    /// <summary>
    /// The text exactly as the released code writes it (method spec b.3 step 5), LaTeX markers, the "The analysis"
    /// rewrite and the unconditional "above my threshold" included. Use when replicating the released training data.
    /// </summary>
    Released = 1,
}
