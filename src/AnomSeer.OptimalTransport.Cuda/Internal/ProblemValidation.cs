using System.Numerics;
using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Cuda.Internal;

/// <summary>The value checks of the <see cref="ISinkhornSolver"/> contract, applied before any device work.</summary>
internal static class ProblemValidation
{
    /// <exception cref="ArgumentException">A negative or non-finite mass or cost; the message names the problem.</exception>
    public static void Validate<T>(IReadOnlyList<SinkhornProblem<T>> problems, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < problems.Count; p++)
        {
            var problem = problems[p];
            Check(problem.RowMass.Span, $"{paramName}[{p}]", "row mass", paramName);
            Check(problem.ColumnMass.Span, $"{paramName}[{p}]", "column mass", paramName);
            Check(problem.Cost.Span, $"{paramName}[{p}]", "cost", paramName);
        }
    }

    private static void Check<T>(ReadOnlySpan<T> values, string where, string what, string paramName)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (values.IsEmpty) return;
        T min = TensorPrimitives.Min(values), max = TensorPrimitives.Max(values);
        if (T.IsNaN(min) || T.IsNaN(max) || !T.IsFinite(max) || min < T.Zero)
        {
            int bad = 0;
            while (bad < values.Length && T.IsFinite(values[bad]) && values[bad] >= T.Zero) bad++;
            throw new ArgumentException($"{where}: the {what} must be finite and non-negative, but entry {bad} is {values[bad]}.", paramName);
        }
    }
}
