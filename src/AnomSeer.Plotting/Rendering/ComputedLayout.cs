namespace AnomSeer.Plotting.Rendering;

/// <summary>A public <see cref="PlotLayout"/> plus what the painter needs beyond it (label origins, pixel sizes).</summary>
internal sealed class ComputedLayout
{
    internal ComputedLayout(PlotLayout layout, IReadOnlyList<LabelPlacement> labels, PixelSizes sizes)
    {
        Layout = layout;
        Labels = labels;
        Sizes = sizes;
    }

    internal PlotLayout Layout { get; }

    internal IReadOnlyList<LabelPlacement> Labels { get; }

    internal PixelSizes Sizes { get; }
}
