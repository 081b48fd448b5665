namespace AnomSeer.Plotting.Rendering;

/// <summary>Checks the channels handed to the renderer.</summary>
internal static class SeriesValidation
{
    /// <summary>Returns the common length; throws naming the channel and index of the first problem.</summary>
    internal static int Check(IReadOnlyList<double[]> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0) throw new ArgumentException("At least one channel is needed.", nameof(channels));
        int length = -1;
        for (int c = 0; c < channels.Count; c++)
        {
            var ch = channels[c] ?? throw new ArgumentNullException(nameof(channels), $"Channel {c} is null.");
            if (ch.Length == 0)
                throw new ArgumentException(channels.Count == 1 ? "The series is empty." : $"Channel {c} is empty.", "values");
            if (length >= 0 && ch.Length != length)
                throw new ArgumentException($"Channel {c} has {ch.Length} values but channel 0 has {length}; all channels must have the same length.", nameof(channels));
            length = ch.Length;
            for (int i = 0; i < ch.Length; i++)
            {
                if (double.IsInfinity(ch[i]))
                    throw new ArgumentException($"Value at index {i}{(channels.Count > 1 ? $" of channel {c}" : "")} is {ch[i]}; infinite values cannot be drawn (NaN leaves a gap).", "values");
            }
        }
        return length;
    }
}
