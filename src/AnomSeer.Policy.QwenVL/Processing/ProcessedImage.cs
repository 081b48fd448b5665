using AnomSeer.Policy.QwenVL.Modeling;

namespace AnomSeer.Policy.QwenVL.Processing;

/// <summary>One preprocessed image: its patch rows and grid (spec §3.4).</summary>
/// <param name="PixelValues">Row-major <c>(N, C·T·P·P)</c> float32 patch rows, N = T·H·W.</param>
/// <param name="Grid">The patch grid <c>image_grid_thw</c>.</param>
/// <param name="ResizedHeight">Height after resizing, in pixels.</param>
/// <param name="ResizedWidth">Width after resizing, in pixels.</param>
public sealed record ProcessedImage(float[] PixelValues, ImageGrid Grid, int ResizedHeight, int ResizedWidth)
{
    /// <summary>Values per patch row.</summary>
    public int PatchDim => PixelValues.Length / Grid.Patches;
}
