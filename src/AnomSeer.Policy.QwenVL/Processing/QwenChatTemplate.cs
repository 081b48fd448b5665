using System.Text;

namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>
/// The Qwen2.5-VL chat template (spec §2.3) without Jinja: a default system turn when the first message is not a system
/// message, <c>&lt;|im_start|&gt;role\n…&lt;|im_end|&gt;\n</c> per message, images as
/// <c>&lt;|vision_start|&gt;&lt;|image_pad|&gt;&lt;|vision_end|&gt;</c>, and the assistant header when asked.
/// </summary>
public static class QwenChatTemplate
{
    /// <summary>The default system prompt.</summary>
    public const string DefaultSystemPrompt = "You are a helpful assistant.";

    /// <summary>The image block before expansion.</summary>
    public const string ImageBlock = "<|vision_start|><|image_pad|><|vision_end|>";

    /// <summary>The image placeholder token.</summary>
    public const string ImagePad = "<|image_pad|>";

    /// <summary>Renders a conversation.</summary>
    /// <param name="messages">The messages, at least one.</param>
    /// <param name="addGenerationPrompt">Whether to append <c>&lt;|im_start|&gt;assistant\n</c>.</param>
    /// <param name="addVisionId">Whether to prefix image k with <c>Picture k: </c>.</param>
    /// <exception cref="ArgumentException">The list is empty or has a null message.</exception>
    public static string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt = true, bool addVisionId = false)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0) throw new ArgumentException("At least one message is needed.", nameof(messages));
        var sb = new StringBuilder();
        int images = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            var m = messages[i] ?? throw new ArgumentException($"Message {i} is null.", nameof(messages));
            if (i == 0 && m.Role != "system") sb.Append("<|im_start|>system\n").Append(DefaultSystemPrompt).Append("<|im_end|>\n");
            sb.Append("<|im_start|>").Append(m.Role).Append('\n');
            foreach (var part in m.Content)
            {
                if (part.IsImage)
                {
                    images++;
                    if (addVisionId) sb.Append("Picture ").Append(images).Append(": ");
                    sb.Append(ImageBlock);
                }
                else sb.Append(part.Text);
            }
            sb.Append("<|im_end|>\n");
        }
        if (addGenerationPrompt) sb.Append("<|im_start|>assistant\n");
        return sb.ToString();
    }

    /// <summary>Replaces the k-th <c>&lt;|image_pad|&gt;</c> by <c>tokensPerImage[k]</c> copies (spec §2.3, processor expansion).</summary>
    /// <exception cref="ArgumentException">The number of placeholders differs from the number of images.</exception>
    public static string ExpandImagePads(string text, IReadOnlyList<int> tokensPerImage)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokensPerImage);
        var parts = text.Split(ImagePad);
        if (parts.Length - 1 != tokensPerImage.Count)
            throw new ArgumentException($"The text has {parts.Length - 1} image placeholders for {tokensPerImage.Count} images.", nameof(tokensPerImage));
        var sb = new StringBuilder(parts[0]);
        for (int k = 0; k < tokensPerImage.Count; k++)
        {
            for (int j = 0; j < tokensPerImage[k]; j++) sb.Append(ImagePad);
            sb.Append(parts[k + 1]);
        }
        return sb.ToString();
    }
}
