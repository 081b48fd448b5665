namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// The discrete gradient with numpy's <c>np.gradient(y)</c> semantics (unit spacing, <c>edge_order=1</c>):
/// central differences <c>(y[i+1] - y[i-1]) / 2</c> inside, one-sided first differences at both ends.
/// </summary>
public static class NumericGradient
{
    /// <summary>Computes the gradient of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 values (numpy raises too) or a non-finite value.</exception>
    public static double[] Compute(ReadOnlySpan<double> values)
    {
        InputGuard.RequireLength(values, 2, nameof(values), "The gradient");
        InputGuard.RequireFinite(values, nameof(values));
        int n = values.Length;
        var g = new double[n];
        g[0] = values[1] - values[0];
        g[n - 1] = values[n - 1] - values[n - 2];
        for (int i = 1; i < n - 1; i++) g[i] = (values[i + 1] - values[i - 1]) / 2.0;
        return g;
    }
}
