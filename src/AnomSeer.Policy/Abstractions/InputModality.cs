namespace AnomSeer.Policy;

/// <summary>What a multimodal policy input carries besides the prompt text.</summary>
public enum InputModality
{
    /// <summary>The rendered plot only: the paper's setting (the backbone sees the image and the prompt).</summary>
    Image = 0,

    /// <summary>
    /// The rendered plot and the numeric series as patch tokens. A deviation from the paper, and the compact model's
    /// default: a small model trained from scratch cannot afford to infer exact positions from pixels alone.
    /// </summary>
    ImageAndSeries = 1,
}
