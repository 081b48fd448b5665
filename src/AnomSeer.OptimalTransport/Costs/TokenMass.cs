using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport;

/// <summary>Token masses for the OT problem (spec b.5 step 3), summing to 1.</summary>
public static class TokenMass
{
    /// <summary>Fills <paramref name="destination"/> with the masses of the given kind.</summary>
    /// <param name="kind">The weighting.</param>
    /// <param name="tokens">The token hidden states.</param>
    /// <param name="destination">At least <c>tokens.Rows</c> entries.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind.</exception>
    public static void Compute(TokenMassKind kind, HiddenStates tokens, Span<double> destination)
    {
        switch (kind)
        {
            case TokenMassKind.SoftmaxOfNorms: SoftmaxOfNorms(tokens, destination); break;
            case TokenMassKind.Uniform: Uniform(tokens.Rows, destination); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown token mass kind.");
        }
    }

    /// <summary>The paper's masses: <c>p_t = exp(‖h_t‖) / Σ_s exp(‖h_s‖)</c>, computed stably in float64.</summary>
    /// <param name="tokens">The token hidden states.</param>
    /// <param name="destination">At least <c>tokens.Rows</c> entries.</param>
    /// <exception cref="ArgumentException">A destination too short.</exception>
    public static void SoftmaxOfNorms(HiddenStates tokens, Span<double> destination)
    {
        CheckLength(tokens.Rows, destination);
        var dst = destination.Slice(0, tokens.Rows);
        for (int t = 0; t < tokens.Rows; t++)
            dst[t] = TensorPrimitives.Norm(tokens.Row(t));
        SoftmaxInPlace(dst);
    }

    /// <summary>
    /// As <see cref="Compute(TokenMassKind, HiddenStates, Span{double})"/> from norms already computed (<c>TensorPrimitives.Norm</c> of each row, as
    /// <see cref="SoftmaxOfNorms(HiddenStates, Span{double})"/> computes them): the same values.
    /// </summary>
    internal static void Compute(TokenMassKind kind, ReadOnlySpan<float> norms, Span<double> destination)
    {
        CheckLength(norms.Length, destination);
        var dst = destination.Slice(0, norms.Length);
        switch (kind)
        {
            case TokenMassKind.SoftmaxOfNorms:
                for (int t = 0; t < norms.Length; t++) dst[t] = norms[t];
                SoftmaxInPlace(dst);
                break;
            case TokenMassKind.Uniform: Uniform(norms.Length, dst); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown token mass kind.");
        }
    }

    private static void SoftmaxInPlace(Span<double> dst)
    {
        if (dst.IsEmpty) return;
        // Subtract the largest norm first: final-layer norms reach the hundreds, where exp overflows.
        TensorPrimitives.Subtract(dst, TensorPrimitives.Max(dst), dst);
        TensorPrimitives.Exp(dst, dst);
        TensorPrimitives.Divide(dst, TensorPrimitives.Sum(dst), dst);
    }

    /// <summary>Uniform masses <c>1 / count</c>.</summary>
    /// <param name="count">Number of tokens.</param>
    /// <param name="destination">At least <paramref name="count"/> entries.</param>
    /// <exception cref="ArgumentException">A destination too short.</exception>
    public static void Uniform(int count, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckLength(count, destination);
        destination.Slice(0, count).Fill(1.0 / count);
    }

    private static void CheckLength(int count, Span<double> destination)
    {
        if (destination.Length < count)
            throw new ArgumentException($"The destination has {destination.Length} entries but there are {count} tokens.", nameof(destination));
    }
}
