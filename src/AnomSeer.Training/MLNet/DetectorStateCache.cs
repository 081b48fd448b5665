namespace AnomSeer.Training.MLNet;

/// <summary>
/// Per-thread cache of the <see cref="DetectorRuntime"/> decoded from the last state vector seen (every row carries the
/// same state, and a policy is not thread-safe). Decoding loads the policy once per thread and detector.
/// </summary>
internal static class DetectorStateCache
{
    [ThreadStatic] private static double[]? t_state;
    [ThreadStatic] private static DetectorRuntime? t_runtime;

    [ThreadStatic] private static int t_decodes;

    /// <summary>Test hook: how many times a state was decoded (a policy loaded) on this thread.</summary>
    internal static int Decodes => t_decodes;

    internal static DetectorRuntime Get(double[] state)
    {
        if (t_runtime is not null && t_state is not null && state.AsSpan().SequenceEqual(t_state)) return t_runtime;
        var runtime = DetectorRuntime.FromState(state);
        t_decodes++;
        t_runtime?.Dispose();
        t_state = (double[])state.Clone();
        t_runtime = runtime;
        return runtime;
    }
}
