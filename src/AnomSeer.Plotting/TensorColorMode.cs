namespace AnomSeer.Plotting;

/// <summary>The channels of the float tensor made from a rendered plot.</summary>
public enum TensorColorMode
{
    /// <summary>Three channels R, G, B, each <c>byte / 255</c>: layout <c>[3, H, W]</c>.</summary>
    Rgb = 0,

    /// <summary>
    /// One channel of luma <c>L = (19595·R + 38470·G + 7471·B + 32768) &gt;&gt; 16</c> (ITU-R 601 weights 0.299, 0.587, 0.114 in
    /// 16-bit fixed point, the same integer conversion as Pillow's <c>convert("L")</c>), then <c>L / 255</c>: layout <c>[1, H, W]</c>.
    /// </summary>
    Grayscale = 1,
}
