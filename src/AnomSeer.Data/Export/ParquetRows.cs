using System.Text.Json.Serialization;

namespace AnomSeer.Data.Export;

// The row layout of method spec c.1 "Parquet row" (veRL RLHFDataset / AnomSeer anom.py). Column names are
// the Python ones; Parquet.Net takes them from [JsonPropertyName].

/// <summary>One Parquet row: the veRL/AnomSeer training-row layout (method spec c.1).</summary>
public sealed class ParquetTrainingRow
{
    /// <summary><c>data_source</c>: <c>"timeseries_anol"</c> by default.</summary>
    [JsonPropertyName("data_source")] public string DataSource { get; set; } = "";

    /// <summary><c>prompt</c>: the chat, one user message holding the AnomSeer prompt (spec b.1).</summary>
    [JsonPropertyName("prompt")] public List<ParquetChatMessage> Prompt { get; set; } = [];

    /// <summary><c>images</c>: the plot as PNG bytes (HF <c>datasets.Image</c> layout: bytes and path).</summary>
    [JsonPropertyName("images")] public List<ParquetImage> Images { get; set; } = [];

    /// <summary><c>reward_model</c>: style "rule" and the ground truth.</summary>
    [JsonPropertyName("reward_model")] public ParquetRewardModel RewardModel { get; set; } = new();

    /// <summary><c>extra_info</c>: per-sample metadata, including the ExpCoT text.</summary>
    [JsonPropertyName("extra_info")] public ParquetExtraInfo ExtraInfo { get; set; } = new();
}

/// <summary>A chat message <c>{"role", "content"}</c>.</summary>
public sealed class ParquetChatMessage
{
    /// <summary><c>role</c>, e.g. "user".</summary>
    [JsonPropertyName("role")] public string Role { get; set; } = "";

    /// <summary><c>content</c>: the message text.</summary>
    [JsonPropertyName("content")] public string Content { get; set; } = "";
}

/// <summary>An image <c>{"bytes", "path"}</c> as Hugging Face <c>datasets</c> stores it.</summary>
public sealed class ParquetImage
{
    /// <summary><c>bytes</c>: the PNG file.</summary>
    [JsonPropertyName("bytes")] public byte[] Bytes { get; set; } = [];

    /// <summary><c>path</c>: a file name for the image (informational).</summary>
    [JsonPropertyName("path")] public string? Path { get; set; }
}

/// <summary><c>reward_model</c>: <c>{"style": "rule", "ground_truth": …}</c>.</summary>
public sealed class ParquetRewardModel
{
    /// <summary><c>style</c>: "rule".</summary>
    [JsonPropertyName("style")] public string Style { get; set; } = "rule";

    /// <summary><c>ground_truth</c>: the half-open GT intervals as JSON text, <c>"[[s, e], …]"</c> (<c>"[]"</c> when normal).</summary>
    [JsonPropertyName("ground_truth")] public string GroundTruth { get; set; } = "[]";
}

/// <summary><c>extra_info</c> (spec c.1): category, split, instance_index, image_path, expcot, detection_metrics,
/// gt_intervals, series_length, index, anomaly_type.</summary>
public sealed class ParquetExtraInfo
{
    /// <summary><c>category</c>: the task folder, e.g. "noisy-freq".</summary>
    [JsonPropertyName("category")] public string Category { get; set; } = "";

    /// <summary><c>split</c>: "train" or "eval".</summary>
    [JsonPropertyName("split")] public string Split { get; set; } = "";

    /// <summary><c>instance_index</c>: the sample's position within its category (figure NNN is index NNN−1).</summary>
    [JsonPropertyName("instance_index")] public int InstanceIndex { get; set; }

    /// <summary><c>image_path</c>: where the PNG was (or would be) written, relative.</summary>
    [JsonPropertyName("image_path")] public string ImagePath { get; set; } = "";

    /// <summary><c>expcot</c>: the expert chain-of-thought text, or null when not supplied.</summary>
    [JsonPropertyName("expcot")] public string? ExpCot { get; set; }

    /// <summary><c>detection_metrics</c>: the expert detector's metrics as JSON text, or null when not supplied.</summary>
    [JsonPropertyName("detection_metrics")] public string? DetectionMetrics { get; set; }

    /// <summary><c>gt_intervals</c>: the GT intervals, sorted, as JSON text <c>"[[s, e], …]"</c>.</summary>
    [JsonPropertyName("gt_intervals")] public string GtIntervals { get; set; } = "[]";

    /// <summary><c>series_length</c>.</summary>
    [JsonPropertyName("series_length")] public int SeriesLength { get; set; }

    /// <summary><c>index</c>: the row's position in the file.</summary>
    [JsonPropertyName("index")] public int Index { get; set; }

    /// <summary><c>anomaly_type</c>: the canonical class name, or "unknown" when the sample has no class.</summary>
    [JsonPropertyName("anomaly_type")] public string AnomalyType { get; set; } = "";
}
