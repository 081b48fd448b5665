using System.Text.Json;
using System.Text.Json.Nodes;
using AnomSeer.Policy.QwenVL.Configuration;

namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// Settings of <see cref="QwenImageProcessor"/> (spec §3.1). Defaults: the checkpoint's patching and CLIP statistics;
/// <see cref="MaxPixels"/> is <b>lower</b> than the checkpoint's 12,845,056 (the processor class default, 1,003,520) to
/// bound the O(N²) full-attention memory; and the paper's pipeline pre-scale (veRL's <c>process_image</c>, method
/// spec) is on, so that a 1000×150 plot is first up-scaled to 1321×198 and then costs 329 visual tokens, as in the paper.
/// </summary>
public sealed record QwenImageProcessorOptions
{
    /// <summary>Lower bound of the resized pixel count (3136 = 56²).</summary>
    public int MinPixels { get; init; } = 3136;

    /// <summary>Upper bound of the resized pixel count. Default 1,003,520 (1280 tokens), a deviation from the
    /// checkpoint file's 12,845,056 (16,384 tokens) for memory; set it to that value for the checkpoint's behaviour.</summary>
    public int MaxPixels { get; init; } = 1_003_520;

    /// <summary>Whether to apply veRL's <c>process_image</c> first (a Pillow bicubic resize by √(bound / pixels), sides
    /// truncated, when the image has fewer than <see cref="PreScaleMinPixels"/> or more than <see cref="PreScaleMaxPixels"/>
    /// pixels). Default true: the paper's training pipeline.</summary>
    public bool PaperPreScale { get; init; } = true;

    /// <summary>veRL's min_pixels, 512·512.</summary>
    public int PreScaleMinPixels { get; init; } = 512 * 512;

    /// <summary>veRL's max_pixels, 2048·2048.</summary>
    public int PreScaleMaxPixels { get; init; } = 2048 * 2048;

    /// <summary>Spatial patch side (14).</summary>
    public int PatchSize { get; init; } = 14;

    /// <summary>Frames per temporal patch (2).</summary>
    public int TemporalPatchSize { get; init; } = 2;

    /// <summary>Merge size (2); the resize factor is patch · merge.</summary>
    public int MergeSize { get; init; } = 2;

    /// <summary>Per-channel mean (OpenAI CLIP).</summary>
    public IReadOnlyList<double> ImageMean { get; init; } = [0.48145466, 0.4578275, 0.40821073];

    /// <summary>Per-channel standard deviation (OpenAI CLIP).</summary>
    public IReadOnlyList<double> ImageStd { get; init; } = [0.26862954, 0.26130258, 0.27577711];

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending option, by name.</exception>
    public void Validate()
    {
        if (MinPixels <= 0) throw new ArgumentOutOfRangeException(nameof(MinPixels), MinPixels, "Must be positive.");
        if (MaxPixels < MinPixels) throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, "Must be at least MinPixels.");
        if (PreScaleMinPixels <= 0 || PreScaleMaxPixels < PreScaleMinPixels)
            throw new ArgumentOutOfRangeException(nameof(PreScaleMaxPixels), PreScaleMaxPixels, "Needs 0 < PreScaleMinPixels ≤ PreScaleMaxPixels.");
        if (PatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(PatchSize), PatchSize, "Must be positive.");
        if (TemporalPatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(TemporalPatchSize), TemporalPatchSize, "Must be positive.");
        if (MergeSize <= 0) throw new ArgumentOutOfRangeException(nameof(MergeSize), MergeSize, "Must be positive.");
        if (ImageMean is null || ImageMean.Count != 3) throw new ArgumentOutOfRangeException(nameof(ImageMean), "Needs three values.");
        if (ImageStd is null || ImageStd.Count != 3 || ImageStd.Any(s => !(s > 0)))
            throw new ArgumentOutOfRangeException(nameof(ImageStd), "Needs three positive values.");
    }

    /// <summary>
    /// Options from a checkpoint's <c>preprocessor_config.json</c>: patching and statistics from the file; the pixel
    /// bounds from the file only when <paramref name="useFilePixelBounds"/> (otherwise this library's lower defaults).
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or a value has the wrong type.</exception>
    public static QwenImageProcessorOptions FromPreprocessorConfig(string json, bool useFilePixelBounds = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try { root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("preprocessor_config.json is not a JSON object."); }
        catch (JsonException e) { throw new InvalidDataException($"preprocessor_config.json is not valid JSON: {e.Message}", e); }
        var d = new QwenImageProcessorOptions();
        var size = root["size"] as JsonObject;
        var options = d with
        {
            PatchSize = QwenVLConfigReader.OptInt(root, "patch_size") ?? d.PatchSize,
            TemporalPatchSize = QwenVLConfigReader.OptInt(root, "temporal_patch_size") ?? d.TemporalPatchSize,
            MergeSize = QwenVLConfigReader.OptInt(root, "merge_size") ?? d.MergeSize,
            ImageMean = (root["image_mean"] as JsonArray)?.Select(n => n!.GetValue<double>()).ToArray() ?? d.ImageMean,
            ImageStd = (root["image_std"] as JsonArray)?.Select(n => n!.GetValue<double>()).ToArray() ?? d.ImageStd,
        };
        if (useFilePixelBounds)
            options = options with
            {
                MinPixels = QwenVLConfigReader.OptInt(root, "min_pixels") ?? QwenVLConfigReader.OptInt(size, "shortest_edge") ?? d.MinPixels,
                MaxPixels = QwenVLConfigReader.OptInt(root, "max_pixels") ?? QwenVLConfigReader.OptInt(size, "longest_edge") ?? d.MaxPixels,
            };
        try { options.Validate(); }
        catch (ArgumentException e) { throw new InvalidDataException($"preprocessor_config.json is inconsistent: {e.Message}", e); }
        return options;
    }
}
