namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>One part of a message: text, or an image placeholder.</summary>
/// <param name="Text">The text, or null for an image.</param>
public sealed record ChatContent(string? Text)
{
    /// <summary>An image placeholder.</summary>
    public static ChatContent Image { get; } = new((string?)null);

    /// <summary>Whether this part is an image.</summary>
    public bool IsImage => Text is null;
}

/// <summary>One chat message: a role (<c>system</c>, <c>user</c>, <c>assistant</c>) and its parts.</summary>
/// <param name="Role">The role.</param>
/// <param name="Content">The parts, concatenated without separators.</param>
public sealed record ChatMessage(string Role, IReadOnlyList<ChatContent> Content)
{
    /// <summary>A text-only message.</summary>
    public static ChatMessage FromText(string role, string text) => new(role, [new ChatContent(text)]);
}
