namespace AnomSeer.Data.Export;

/// <summary>What an expert (ExpCoT) supplies for one sample's Parquet row.</summary>
/// <param name="Text">The ExpCoT text (<c>extra_info.expcot</c>).</param>
/// <param name="DetectionMetricsJson">The expert detector's metrics as JSON text (<c>extra_info.detection_metrics</c>), or null.</param>
public sealed record ExpCotAnnotation(string Text, string? DetectionMetricsJson = null);
