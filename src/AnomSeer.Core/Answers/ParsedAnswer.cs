namespace AnomSeer.Answers;

/// <summary>
/// The result of parsing a model response with <see cref="AnswerParser"/>.
/// </summary>
/// <param name="Intervals">
/// The predicted anomalous intervals: an empty list when the model answered "no anomaly"
/// (<c>&lt;answer&gt;[]&lt;/answer&gt;</c>), or <see langword="null"/> when the answer is missing or
/// unparseable ("wrong" in the reference reward, which scores every localisation metric 0).
/// </param>
/// <param name="Class">The predicted class, or <see langword="null"/> when the tag is missing or its content is not a class.</param>
/// <param name="FormatOk">
/// The reference reward's format flag: an <c>&lt;answer&gt;</c> with usable content, a
/// <c>&lt;think&gt;…&lt;/think&gt;</c> block and a <c>&lt;class&gt;</c> tag.
/// </param>
public sealed record ParsedAnswer(IReadOnlyList<AnomalyInterval>? Intervals, AnomalyClass? Class, bool FormatOk)
{
    /// <summary>The text inside the first <c>&lt;think&gt;…&lt;/think&gt;</c> block, or <see langword="null"/> when there is none.</summary>
    public string? Reasoning { get; init; }

    /// <summary>Whether the interval list was parsed (possibly empty); false means "wrong".</summary>
    public bool HasIntervals => Intervals is not null;
}
