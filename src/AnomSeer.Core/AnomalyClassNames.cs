using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AnomSeer;

/// <summary>
/// Canonical names of <see cref="AnomalyClass"/> values and the tolerant name parser of method spec b.2.
/// </summary>
public static class AnomalyClassNames
{
    private static readonly string[] Canonical =
    [
        "normal",
        "global point",
        "contextual point",
        "seasonal",
        "trend",
        "shapelet",
    ];

    /// <summary>All classes in declaration order.</summary>
    public static IReadOnlyList<AnomalyClass> All { get; } =
        [AnomalyClass.Normal, AnomalyClass.GlobalPoint, AnomalyClass.ContextualPoint, AnomalyClass.Seasonal, AnomalyClass.Trend, AnomalyClass.Shapelet];

    /// <summary>
    /// The canonical lower-case name: "normal", "global point", "contextual point", "seasonal", "trend" or "shapelet".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined class.</exception>
    public static string ToCanonicalName(this AnomalyClass value)
    {
        int i = (int)value;
        if (i < 0 || i >= Canonical.Length)
            throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined AnomalyClass.");
        return Canonical[i];
    }

    /// <summary>
    /// Normalises a class name the way the reference reward does: lower-case, every run of white space
    /// collapsed to one space, trimmed; then "contextual" becomes "contextual point" and "global" becomes
    /// "global point".
    /// </summary>
    /// <param name="name">Any text; <see langword="null"/> gives the empty string.</param>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return string.Empty;
        var sb = new StringBuilder(name.Length);
        bool pendingSpace = false;
        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        string s = sb.ToString();
        return s switch
        {
            "contextual" => "contextual point",
            "global" => "global point",
            _ => s,
        };
    }

    /// <summary>
    /// Parses a class name tolerantly (case and white space folded, "contextual" → contextual point,
    /// "global" → global point). Returns <see langword="false"/> for anything else.
    /// </summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out AnomalyClass? value)
    {
        string n = Normalize(name);
        int i = Array.IndexOf(Canonical, n);
        if (i < 0)
        {
            value = null;
            return false;
        }
        value = (AnomalyClass)i;
        return true;
    }

    /// <summary>Parses a class name tolerantly; see <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The name is not one of the six classes.</exception>
    public static AnomalyClass Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var v)
            ? v.Value
            : throw new FormatException($"'{name}' is not an anomaly class; expected one of: {string.Join(", ", Canonical)}.");
    }
}
