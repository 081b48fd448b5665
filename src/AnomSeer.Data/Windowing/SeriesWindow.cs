using AnomSeer.Data.Loaders;

namespace AnomSeer.Data.Windowing;

/// <summary>A window cut from a longer series.</summary>
/// <param name="Series">The window, with its intervals clipped to it and shifted to window indices.</param>
/// <param name="Offset">Index in the source series of the window's first point.</param>
public sealed record SeriesWindow(LabeledSeries Series, int Offset);
