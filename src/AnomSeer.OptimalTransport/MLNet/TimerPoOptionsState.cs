namespace AnomSeer.OptimalTransport.MLNet;

/// <summary>Encodes the estimator's settings as the numeric state vector that travels in the saved model, and back.</summary>
internal static class TimerPoOptionsState
{
    private const double Version = 1;

    public static double[] Encode(int hiddenDimension, TimerPoAdvantageOptions o) =>
    [
        Version, hiddenDimension, o.Alpha, o.Temperature, o.ProjectionEpsilon, (double)o.Mode, (double)o.SemanticNormalization,
        (double)o.TokenMass, (double)o.Singleton, o.SinglePrecision ? 1 : 0, o.BatchSize,
        o.Sinkhorn.Epsilon, o.Sinkhorn.MaxIterations, o.Sinkhorn.Tolerance, o.Sinkhorn.CheckEvery, (double)o.Sinkhorn.Method,
        o.Sinkhorn.AcceptableMarginalError, o.Sinkhorn.MaxDegreeOfParallelism,
    ];

    public static (int HiddenDimension, TimerPoAdvantageOptions Options) Decode(ReadOnlySpan<double> s)
    {
        if (s.Length != 18 || s[0] != Version)
            throw new InvalidOperationException($"Unrecognised TimerPO advantage state (length {s.Length}, version {(s.Length > 0 ? s[0] : double.NaN)}).");
        var options = new TimerPoAdvantageOptions
        {
            Alpha = s[2], Temperature = s[3], ProjectionEpsilon = s[4], Mode = (AdvantageMode)(int)s[5],
            SemanticNormalization = (GroupNormalization)(int)s[6], TokenMass = (TokenMassKind)(int)s[7],
            Singleton = (SingletonGroupMean)(int)s[8], SinglePrecision = s[9] != 0, BatchSize = (int)s[10],
            Sinkhorn = new SinkhornOptions
            {
                Epsilon = s[11], MaxIterations = (int)s[12], Tolerance = s[13], CheckEvery = (int)s[14],
                Method = (SinkhornMethod)(int)s[15], AcceptableMarginalError = s[16], MaxDegreeOfParallelism = (int)s[17],
            },
        };
        return ((int)s[1], options);
    }
}
