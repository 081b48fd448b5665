namespace AnomSeer.OptimalTransport;

/// <summary>
/// Squared Euclidean cost <c>C_ab = ‖h_a − h_b‖² = ‖h_a‖² + ‖h_b‖² − 2 h_a·h_b</c> (clamped at 0 against
/// rounding). Not used by the paper; offered for experiments and for the usual OT known answers.
/// </summary>
public static class SquaredEuclideanCost
{
    /// <summary>Computes the cost matrix into a new float64 array of <c>x.Rows × y.Rows</c>.</summary>
    /// <param name="x">Row-side points.</param>
    /// <param name="y">Column-side points; same dimension.</param>
    public static double[] Compute(HiddenStates x, HiddenStates y)
    {
        var result = new double[x.Rows * y.Rows];
        Compute(x, y, result.AsSpan());
        return result;
    }

    /// <summary>Computes the row-major cost matrix in float64.</summary>
    /// <param name="x">Row-side points.</param>
    /// <param name="y">Column-side points; same dimension.</param>
    /// <param name="destination">At least <c>x.Rows × y.Rows</c> entries.</param>
    /// <exception cref="ArgumentException">Different dimensions or a destination too short.</exception>
    public static void Compute(HiddenStates x, HiddenStates y, Span<double> destination) =>
        PairwiseKernel.Compute<double, PairwiseKernel.SquaredDouble>(x, y, destination, normalize: false);

    /// <summary>Computes the row-major cost matrix in float32.</summary>
    /// <param name="x">Row-side points.</param>
    /// <param name="y">Column-side points; same dimension.</param>
    /// <param name="destination">At least <c>x.Rows × y.Rows</c> entries.</param>
    /// <exception cref="ArgumentException">Different dimensions or a destination too short.</exception>
    public static void Compute(HiddenStates x, HiddenStates y, Span<float> destination) =>
        PairwiseKernel.Compute<float, PairwiseKernel.SquaredSingle>(x, y, destination, normalize: false);
}
