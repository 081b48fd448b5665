namespace AnomSeer.Plotting;

/// <summary>What the ML.NET plot transform writes into its output column.</summary>
public enum PlotOutputKind
{
    /// <summary>The PNG file bytes, as a variable-length <c>VBuffer&lt;byte&gt;</c>.</summary>
    Png = 0,

    /// <summary>
    /// The <c>[C, H, W]</c> float tensor in [0, 1] (see <see cref="TensorColorMode"/>), flattened channel-major into a
    /// <c>VBuffer&lt;float&gt;</c> of length <c>C·H·W</c>; made straight from the pixel buffer, no PNG round trip.
    /// </summary>
    Tensor = 1,
}
