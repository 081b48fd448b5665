using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Windowing;

/// <summary>The result of <see cref="MinMaxDownsampler"/>.</summary>
/// <param name="Series">The downsampled series with its mapped intervals.</param>
/// <param name="SourceIndices">For each output point, its index in the source series (strictly increasing).</param>
public sealed record DownsampledSeries(LabeledSeries Series, IReadOnlyList<int> SourceIndices);
