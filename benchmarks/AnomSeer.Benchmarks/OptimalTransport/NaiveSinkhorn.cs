namespace AnomSeer.Benchmarks.OptimalTransport;

/// <summary>
/// The naive peer: the paper's scaling form and cosine cost written as plain scalar loops, as a first port
/// would. Generic over float/double through INumber-free overloads to keep it plainly scalar.
/// </summary>
public static class NaiveSinkhorn
{
    /// <summary>Scaling form, float64, scalar loops, column sums read K column-wise.</summary>
    public static double Scaling(double[] c, int n, int m, double[] a, double[] b, double eps, int iterations)
    {
        var k = new double[n * m];
        for (int x = 0; x < k.Length; x++) k[x] = Math.Max(Math.Exp(-c[x] / eps), 1e-300);
        var u = new double[n];
        var v = new double[m];
        Array.Fill(u, 1.0);
        Array.Fill(v, 1.0);
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < m; j++) s += k[i * m + j] * v[j];
                u[i] = Fix(a[i] / (s + 1e-300));
            }
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += k[i * m + j] * u[i];
                v[j] = Fix(b[j] / (s + 1e-300));
            }
        }
        double w = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double t = u[i] * k[i * m + j] * v[j];
                if (double.IsFinite(t)) w += t * c[i * m + j];
            }
        return w;
    }

    /// <summary>Scaling form, float32, scalar loops.</summary>
    public static double Scaling(float[] c, int n, int m, float[] a, float[] b, float eps, int iterations)
    {
        var k = new float[n * m];
        for (int x = 0; x < k.Length; x++) k[x] = MathF.Max(MathF.Exp(-c[x] / eps), 1e-37f);
        var u = new float[n];
        var v = new float[m];
        Array.Fill(u, 1f);
        Array.Fill(v, 1f);
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < n; i++)
            {
                float s = 0;
                for (int j = 0; j < m; j++) s += k[i * m + j] * v[j];
                u[i] = a[i] / (s + 1e-37f);
            }
            for (int j = 0; j < m; j++)
            {
                float s = 0;
                for (int i = 0; i < n; i++) s += k[i * m + j] * u[i];
                v[j] = b[j] / (s + 1e-37f);
            }
        }
        double w = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) w += u[i] * k[i * m + j] * v[j] * c[i * m + j];
        return w;
    }

    /// <summary>Cosine cost, scalar loops, float64 output.</summary>
    public static double[] CosineCost(float[] x, int nx, float[] y, int ny, int d)
    {
        var c = new double[nx * ny];
        var normX = new float[nx];
        var normY = new float[ny];
        for (int i = 0; i < nx; i++) { float s = 0; for (int k = 0; k < d; k++) s += x[i * d + k] * x[i * d + k]; normX[i] = MathF.Sqrt(s) + 1e-6f; }
        for (int j = 0; j < ny; j++) { float s = 0; for (int k = 0; k < d; k++) s += y[j * d + k] * y[j * d + k]; normY[j] = MathF.Sqrt(s) + 1e-6f; }
        for (int i = 0; i < nx; i++)
            for (int j = 0; j < ny; j++)
            {
                float dot = 0;
                for (int k = 0; k < d; k++) dot += x[i * d + k] * y[j * d + k];
                c[i * ny + j] = Math.Max(0.0, 1.0 - dot / (normX[i] * normY[j]));
            }
        return c;
    }

    /// <summary>Softmax of row norms, scalar.</summary>
    public static double[] SoftmaxOfNorms(float[] h, int rows, int d)
    {
        var p = new double[rows];
        for (int t = 0; t < rows; t++) { double s = 0; for (int k = 0; k < d; k++) s += h[t * d + k] * h[t * d + k]; p[t] = Math.Sqrt(s); }
        double max = p.Max();
        double sum = 0;
        for (int t = 0; t < rows; t++) { p[t] = Math.Exp(p[t] - max); sum += p[t]; }
        for (int t = 0; t < rows; t++) p[t] /= sum;
        return p;
    }

    private static double Fix(double x) => double.IsNaN(x) ? 0 : double.IsPositiveInfinity(x) ? 1e300 : x;
}
