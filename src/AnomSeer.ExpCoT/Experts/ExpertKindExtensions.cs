namespace AnomSeer.ExpCoT.Experts;

/// <summary>Helpers for <see cref="ExpertKind"/>.</summary>
public static class ExpertKindExtensions
{
    /// <summary>
    /// The anomaly class a detector stands for: range → global point, trend → trend, frequency → seasonal,
    /// discord → contextual point, none → normal (the class mapping of method spec b.2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ExpertKind"/>.</exception>
    public static AnomalyClass ToAnomalyClass(this ExpertKind kind) => kind switch
    {
        ExpertKind.None => AnomalyClass.Normal,
        ExpertKind.Range => AnomalyClass.GlobalPoint,
        ExpertKind.Trend => AnomalyClass.Trend,
        ExpertKind.Frequency => AnomalyClass.Seasonal,
        ExpertKind.Discord => AnomalyClass.ContextualPoint,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined ExpertKind."),
    };

    /// <summary>The canonical name of <see cref="ToAnomalyClass"/>, e.g. "global point".</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ExpertKind"/>.</exception>
    public static string ToAnomalyClassName(this ExpertKind kind) => kind.ToAnomalyClass().ToCanonicalName();
}
