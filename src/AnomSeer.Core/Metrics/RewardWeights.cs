namespace AnomSeer.Metrics;

/// <summary>
/// Weights of the TSAD reward <c>R = Localization·loc + Classification·class + Format·fmt</c>
/// (method spec b.2 "Scalar reward"). The defaults are the reference values 0.7 / 0.2 / 0.1.
/// </summary>
/// <param name="Localization">Weight of the mean of the six localisation metrics; 0.7 in the paper.</param>
/// <param name="Classification">Weight of the class match; 0.2 in the paper.</param>
/// <param name="Format">Weight of the format flag; 0.1 in the paper.</param>
public sealed record RewardWeights(double Localization = RewardWeights.Defaults.Localization,
    double Classification = RewardWeights.Defaults.Classification, double Format = RewardWeights.Defaults.Format)
{
    /// <summary>The paper's weights (spec b.2, FOUND in the reference code and the paper notes).</summary>
    public static class Defaults
    {
        /// <summary>0.7: localisation.</summary>
        public const double Localization = 0.7;

        /// <summary>0.2: classification.</summary>
        public const double Classification = 0.2;

        /// <summary>0.1: format.</summary>
        public const double Format = 0.1;
    }

    /// <summary>The paper's weights, 0.7 / 0.2 / 0.1.</summary>
    public static RewardWeights Paper { get; } = new();

    /// <summary>Throws when a weight is negative or not finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite.</exception>
    public void Validate()
    {
        Check(Localization, nameof(Localization));
        Check(Classification, nameof(Classification));
        Check(Format, nameof(Format));
    }

    private static void Check(double w, string name)
    {
        if (!double.IsFinite(w) || w < 0)
            throw new ArgumentOutOfRangeException(name, w, "Reward weights must be finite and non-negative.");
    }
}
