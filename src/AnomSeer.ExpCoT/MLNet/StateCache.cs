namespace AnomSeer.ExpCoT.MLNet;

/// <summary>Per-thread cache of the object decoded from the last state vector seen (the state is the same on every row).</summary>
internal sealed class StateCache<T> where T : class
{
    [ThreadStatic] private static double[]? t_state;
    [ThreadStatic] private static T? t_value;

    internal static T Get(double[] state, Func<double[], T> create)
    {
        if (t_value is not null && t_state is not null && state.AsSpan().SequenceEqual(t_state)) return t_value;
        var value = create(state);
        t_state = (double[])state.Clone();
        t_value = value;
        return value;
    }
}
