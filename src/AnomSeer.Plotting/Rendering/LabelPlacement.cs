namespace AnomSeer.Plotting.Rendering;

/// <summary>Where a tick label's text origin (left end of the baseline) goes.</summary>
internal readonly record struct LabelPlacement(string Text, float OriginX, float BaselineY);
