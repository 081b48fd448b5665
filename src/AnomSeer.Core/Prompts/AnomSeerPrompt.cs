using System.Globalization;

namespace AnomSeer.Prompts;

/// <summary>
/// The AnomSeer prompt (method spec b.1), byte for byte as in the reference implementation, with the
/// series length substituted. The first line is the image placeholder <c>&lt;image&gt;</c>, which a
/// chat template expands into vision tokens.
/// </summary>
public static class AnomSeerPrompt
{
    /// <summary>The placeholder that stands for the plot image in the prompt.</summary>
    public const string ImagePlaceholder = "<image>";

    /// <summary>The prompt template; <c>{L}</c> is replaced by the series length.</summary>
    public const string Template =
        "<image>\n" +
        "You are a time series analysis expert. A time series plot of length {L} is provided. " +
        "Identify anomalous intervals along the x-axis and infer the most plausible anomaly type from " +
        "[\"contextual point\", \"global point\", \"seasonal\", \"trend\", \"shapelet\"].\n" +
        "\n" +
        "Begin detailed reasoning inside <think>...</think>.\n" +
        "Then output:\n" +
        "<answer>[[start, end], ...]</answer>\n" +
        "<class>one of {contextual point, global point, seasonal, trend, shapelet, normal}</class>\n" +
        "If no anomalies, return <answer>[]</answer> and <class>normal</class>.";

    /// <summary>The prompt for a series of <paramref name="seriesLength"/> points.</summary>
    /// <param name="seriesLength">The series length, at least 1 (1000 for the AnomLLM suite).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seriesLength"/> is less than 1.</exception>
    public static string Build(int seriesLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLength, 1);
        return Template.Replace("{L}", seriesLength.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The prompt as a single-message chat, <c>[{"role":"user","content": prompt}]</c>, as the reference stores it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> BuildChat(int seriesLength) =>
        [new("user", Build(seriesLength))];
}
