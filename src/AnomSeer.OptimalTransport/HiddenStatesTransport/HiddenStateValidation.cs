using System.Numerics.Tensors;

namespace AnomSeer.OptimalTransport.Cuda;

/// <summary>Checks a batch of hidden-state pairs before any work.</summary>
internal static class HiddenStateValidation
{
    /// <summary>Returns the common dimension (0 when every matrix is empty).</summary>
    /// <exception cref="ArgumentException">Different dimensions or a non-finite value; the message names the pair.</exception>
    public static int Validate(IReadOnlyList<HiddenStatePair> pairs, string paramName)
    {
        int dimension = 0;
        for (int p = 0; p < pairs.Count; p++)
        {
            var (x, y) = (pairs[p].Response, pairs[p].Reference);
            if (x.Dimension != y.Dimension)
                throw new ArgumentException($"{paramName}[{p}]: the response has dimension {x.Dimension} but the reference has {y.Dimension}.", paramName);
            if (dimension == 0) dimension = x.Dimension;
            else if (x.Dimension != dimension)
                throw new ArgumentException($"{paramName}[{p}]: dimension {x.Dimension} differs from the batch's {dimension}.", paramName);
            CheckFinite(x.Values.Span, $"{paramName}[{p}].Response", paramName);
            CheckFinite(y.Values.Span, $"{paramName}[{p}].Reference", paramName);
        }
        return dimension;
    }

    private static void CheckFinite(ReadOnlySpan<float> values, string where, string paramName)
    {
        if (values.IsEmpty) return;
        float min = TensorPrimitives.Min(values), max = TensorPrimitives.Max(values);
        if (!float.IsFinite(min) || !float.IsFinite(max))
            throw new ArgumentException($"{where}: the hidden states must be finite.", paramName);
    }
}
