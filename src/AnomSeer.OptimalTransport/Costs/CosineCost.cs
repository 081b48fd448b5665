namespace AnomSeer.OptimalTransport;

/// <summary>
/// The paper's cost between two token sets (spec b.5 step 4): <c>C_ab = max(0, 1 − cos(h_a, h_b))</c>, where
/// each vector is normalised by <c>‖h‖ + 1e-6</c>. Values lie in [0, 2].
/// </summary>
public static class CosineCost
{
    /// <summary>The 1e-6 added to each norm before normalising (spec b.5 step 4).</summary>
    public const float NormEpsilon = 1e-6f;

    /// <summary>Computes the cost matrix into a new float64 array of <c>x.Rows × y.Rows</c>.</summary>
    /// <param name="x">Row-side tokens (the response).</param>
    /// <param name="y">Column-side tokens (the reference); same dimension.</param>
    public static double[] Compute(HiddenStates x, HiddenStates y)
    {
        var result = new double[x.Rows * y.Rows];
        Compute(x, y, result.AsSpan());
        return result;
    }

    /// <summary>Computes the row-major cost matrix in float64.</summary>
    /// <param name="x">Row-side tokens (the response).</param>
    /// <param name="y">Column-side tokens (the reference); same dimension.</param>
    /// <param name="destination">At least <c>x.Rows × y.Rows</c> entries.</param>
    /// <exception cref="ArgumentException">Different dimensions or a destination too short.</exception>
    public static void Compute(HiddenStates x, HiddenStates y, Span<double> destination) =>
        PairwiseKernel.Compute<double, PairwiseKernel.CosineDouble>(x, y, destination, normalize: true);

    /// <summary>Computes the row-major cost matrix in float32 (the precision of GPU solvers).</summary>
    /// <param name="x">Row-side tokens (the response).</param>
    /// <param name="y">Column-side tokens (the reference); same dimension.</param>
    /// <param name="destination">At least <c>x.Rows × y.Rows</c> entries.</param>
    /// <exception cref="ArgumentException">Different dimensions or a destination too short.</exception>
    public static void Compute(HiddenStates x, HiddenStates y, Span<float> destination) =>
        PairwiseKernel.Compute<float, PairwiseKernel.CosineSingle>(x, y, destination, normalize: true);
}
