using AnomSeer.Policy.QwenVL.Modeling;

namespace AnomSeer.Policy.QwenVL;

/// <summary>A policy input turned into model inputs: the chat-templated, image-expanded token ids and the image's patch rows.</summary>
/// <param name="Ids">The prompt token ids (ending with the assistant header).</param>
/// <param name="PixelValues">Row-major <c>(N, patch_dim)</c> patch rows.</param>
/// <param name="Grid">The image grid.</param>
internal sealed record PreparedPrompt(int[] Ids, float[] PixelValues, ImageGrid Grid);
