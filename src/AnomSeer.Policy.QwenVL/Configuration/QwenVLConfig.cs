namespace AnomSeer.Policy.QwenVL.Configuration;

/// <summary>
/// The whole Qwen2.5-VL architecture: the text decoder, the vision encoder and the special token ids (spec §1).
/// Read it from a checkpoint's <c>config.json</c> with <see cref="QwenVLConfigReader"/>, or take a preset.
/// </summary>
public sealed record QwenVLConfig
{
    /// <summary>The text decoder.</summary>
    public required QwenVLTextConfig Text { get; init; }

    /// <summary>The vision encoder.</summary>
    public required QwenVLVisionConfig Vision { get; init; }

    /// <summary><c>&lt;|vision_start|&gt;</c> (151652).</summary>
    public int VisionStartTokenId { get; init; } = 151652;

    /// <summary><c>&lt;|vision_end|&gt;</c> (151653).</summary>
    public int VisionEndTokenId { get; init; } = 151653;

    /// <summary><c>&lt;|image_pad|&gt;</c> (151655), one per merged image token.</summary>
    public int ImageTokenId { get; init; } = 151655;

    /// <summary><c>&lt;|video_pad|&gt;</c> (151656); videos are not supported by this port.</summary>
    public int VideoTokenId { get; init; } = 151656;

    /// <summary>config.json's <c>bos_token_id</c> (151643, <c>&lt;|endoftext|&gt;</c>).</summary>
    public int BosTokenId { get; init; } = 151643;

    /// <summary>config.json's <c>eos_token_id</c> (151645, <c>&lt;|im_end|&gt;</c>).</summary>
    public int EosTokenId { get; init; } = 151645;

    /// <summary>Qwen2.5-VL-3B-Instruct (spec §1.1): 3,754,622,976 parameters, tied output head.</summary>
    public static QwenVLConfig Qwen25VL3B { get; } = new()
    {
        Text = new QwenVLTextConfig
        {
            VocabSize = 151936, HiddenSize = 2048, IntermediateSize = 11008, NumHiddenLayers = 36,
            NumAttentionHeads = 16, NumKeyValueHeads = 2, TieWordEmbeddings = true,
        },
        Vision = new QwenVLVisionConfig { OutHiddenSize = 2048 },
    };

    /// <summary>Qwen2.5-VL-7B-Instruct (spec §1.1): 8,292,166,656 parameters, separate output head.</summary>
    public static QwenVLConfig Qwen25VL7B { get; } = new()
    {
        Text = new QwenVLTextConfig
        {
            VocabSize = 152064, HiddenSize = 3584, IntermediateSize = 18944, NumHiddenLayers = 28,
            NumAttentionHeads = 28, NumKeyValueHeads = 4, TieWordEmbeddings = false,
        },
        Vision = new QwenVLVisionConfig { OutHiddenSize = 3584 },
    };

    /// <summary>Throws when the configuration is inconsistent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offending field, by name.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Text);
        ArgumentNullException.ThrowIfNull(Vision);
        Text.Validate();
        Vision.Validate();
        if (Vision.OutHiddenSize != Text.HiddenSize)
            throw new ArgumentOutOfRangeException(nameof(Vision), Vision.OutHiddenSize,
                $"vision_config.out_hidden_size must equal the text hidden_size ({Text.HiddenSize}).");
        foreach (var (id, name) in new[] { (VisionStartTokenId, nameof(VisionStartTokenId)), (VisionEndTokenId, nameof(VisionEndTokenId)),
                     (ImageTokenId, nameof(ImageTokenId)), (EosTokenId, nameof(EosTokenId)) })
            if (id < 0 || id >= Text.VocabSize)
                throw new ArgumentOutOfRangeException(name, id, $"Must be a row of the embedding [0, {Text.VocabSize}).");
    }
}
