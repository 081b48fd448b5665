using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Internal;

/// <summary>Value checks every solver applies before any work.</summary>
internal static class SinkhornValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when a mass or cost is negative or not finite.</summary>
    public static void Validate<T>(in SinkhornProblem<T> problem, string paramName, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ValidateMasses(problem, paramName, index);
        CheckNonNegativeFinite(problem.Cost.Span, Where(paramName, index), "cost", paramName);
    }

    /// <summary>As <see cref="Validate{T}"/> for the masses only (the scaling form checks the cost while building K).</summary>
    public static void ValidateMasses<T>(in SinkhornProblem<T> problem, string paramName, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string where = Where(paramName, index);
        CheckNonNegativeFinite(problem.RowMass.Span, where, "row mass", paramName);
        CheckNonNegativeFinite(problem.ColumnMass.Span, where, "column mass", paramName);
    }

    /// <summary>Throws the exception <see cref="Validate{T}"/> throws for a cost found invalid elsewhere.</summary>
    public static void ThrowInvalidCost<T>(ReadOnlySpan<T> cost, string paramName, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckNonNegativeFinite(cost, Where(paramName, index), "cost", paramName);
        throw new InvalidOperationException("The cost was reported invalid but every entry is finite and non-negative.");
    }

    private static string Where(string paramName, int index) => index < 0 ? paramName : $"{paramName}[{index}]";

    private static void CheckNonNegativeFinite<T>(ReadOnlySpan<T> values, string where, string what, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.IsEmpty) return;
        // Min and Max propagate NaN, so these two vectorised passes catch NaN, ±∞ and negatives.
        T min = TensorPrimitives.Min(values);
        T max = TensorPrimitives.Max(values);
        if (T.IsNaN(min) || T.IsNaN(max) || !T.IsFinite(max) || min < T.Zero)
        {
            int bad = 0;
            for (; bad < values.Length; bad++)
                if (!T.IsFinite(values[bad]) || values[bad] < T.Zero) break;
            throw new ArgumentException($"{where}: the {what} must be finite and non-negative, but entry {bad} is {values[bad]}.", paramName);
        }
    }
}
