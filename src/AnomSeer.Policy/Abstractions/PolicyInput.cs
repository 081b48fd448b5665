using AnomSeer.Prompts;

namespace AnomSeer.Policy;

/// <summary>
/// One multimodal prompt: the plot, optionally the numeric series, and the prompt text (by default the AnomSeer prompt,
/// method spec b.1).
/// </summary>
public sealed class PolicyInput
{
    private readonly float[]? _series;

    /// <summary>Creates an input.</summary>
    /// <param name="image">The rendered plot.</param>
    /// <param name="series">The series values (used by <see cref="InputModality.ImageAndSeries"/>), or null; copied.
    /// Its length must equal <see cref="PlotImage.SeriesLength"/>; non-finite values are read as 0.</param>
    /// <param name="prompt">The prompt text; null gives <see cref="AnomSeerPrompt.Build(int)"/> for the image's series length.</param>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="series"/> is empty or its length differs from the image's series length.</exception>
    public PolicyInput(PlotImage image, IReadOnlyList<float>? series = null, string? prompt = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (series is not null && series.Count != image.SeriesLength)
            throw new ArgumentException($"The series has {series.Count} values but the plot shows {image.SeriesLength}.", nameof(series));
        Image = image;
        _series = series?.ToArray();
        Prompt = prompt ?? AnomSeerPrompt.Build(image.SeriesLength);
    }

    /// <summary>The rendered plot.</summary>
    public PlotImage Image { get; }

    /// <summary>The series values, or null when only the image is given.</summary>
    public IReadOnlyList<float>? Series => _series;

    /// <summary>Length of the series (and of the plotted x-axis).</summary>
    public int SeriesLength => Image.SeriesLength;

    /// <summary>The prompt text.</summary>
    public string Prompt { get; }
}
