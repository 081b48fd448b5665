using System.Diagnostics.CodeAnalysis;

namespace AnomSeer.Data.Synthetic;

/// <summary>Names and classes of <see cref="VtaType"/> values.</summary>
public static class VtaTypeNames
{
    private static readonly string[] Names = ["global", "contextual", "seasonal", "trend", "shapelet"];

    /// <summary>All five types, in the order of method spec c.2.</summary>
    public static IReadOnlyList<VtaType> All { get; } = [VtaType.Global, VtaType.Contextual, VtaType.Seasonal, VtaType.Trend, VtaType.Shapelet];

    /// <summary>The type's name: "global", "contextual", "seasonal", "trend" or "shapelet".</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not defined.</exception>
    public static string ToName(this VtaType type)
    {
        int i = (int)type;
        if (i < 0 || i >= Names.Length) throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined VtaType.");
        return Names[i];
    }

    /// <summary>Parses a type name (case-insensitive).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out VtaType? type)
    {
        int i = name is null ? -1 : Array.FindIndex(Names, n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        type = i < 0 ? null : (VtaType)i;
        return i >= 0;
    }

    /// <summary>Parses a type name; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">Not one of the five names.</exception>
    public static VtaType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var t) ? t.Value : throw new FormatException($"'{name}' is not a VTA type; expected one of: {string.Join(", ", Names)}.");
    }

    /// <summary>The AnomSeer class (spec c.2, INFERRED mapping): global → global point, contextual → contextual point, the others by name.</summary>
    public static AnomalyClass ToAnomalyClass(this VtaType type) => type switch
    {
        VtaType.Global => AnomalyClass.GlobalPoint,
        VtaType.Contextual => AnomalyClass.ContextualPoint,
        VtaType.Seasonal => AnomalyClass.Seasonal,
        VtaType.Trend => AnomalyClass.Trend,
        VtaType.Shapelet => AnomalyClass.Shapelet,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a defined VtaType."),
    };

    /// <summary>Whether the type labels single points (global, contextual), each as a 1-wide interval <c>[p, p+1)</c>.</summary>
    public static bool IsPointType(this VtaType type) => type is VtaType.Global or VtaType.Contextual;
}
