namespace AnomSeer.OptimalTransport.Cuda.Tests;

/// <summary>Random test problems whose float32 values are exactly the float64 values the CPU reference sees.</summary>
internal static class RandomProblems
{
    /// <summary>Costs in [0, 2] with structure (a low-rank part plus noise), masses in (0, 1] with a few tiny ones.</summary>
    public static (float[] Cost, float[] A, float[] B) Problem(int n, int m, Random rng)
    {
        var cost = new float[n * m];
        var rowShift = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var columnShift = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                cost[i * m + j] = (float)Math.Clamp(Math.Abs(rowShift[i] - columnShift[j]) * 1.5 + 0.5 * rng.NextDouble(), 0, 2);
        return (cost, Masses(n, rng), Masses(m, rng));
    }

    public static float[] Masses(int count, Random rng)
    {
        var mass = new float[count];
        for (int i = 0; i < count; i++) mass[i] = (float)(rng.NextDouble() < 0.1 ? 1e-9 * rng.NextDouble() : 0.05 + rng.NextDouble());
        return mass;
    }

    public static SinkhornProblem<float> AsSingle((float[] Cost, float[] A, float[] B) p) =>
        new(p.Cost, p.A.Length, p.B.Length, p.A, p.B);

    public static SinkhornProblem<double> AsDouble((float[] Cost, float[] A, float[] B) p) =>
        new(p.Cost.Select(x => (double)x).ToArray(), p.A.Length, p.B.Length, p.A.Select(x => (double)x).ToArray(), p.B.Select(x => (double)x).ToArray());

    /// <summary>Hidden states with cluster structure so cosines spread over [−1, 1]; norms from 1 to about 12.</summary>
    public static HiddenStates Hidden(int rows, int dimension, float[][] centres, Random rng)
    {
        var values = new float[rows * dimension];
        for (int r = 0; r < rows; r++)
        {
            var centre = centres[rng.Next(centres.Length)];
            double scale = 1 + 11 * rng.NextDouble();
            for (int k = 0; k < dimension; k++)
                values[r * dimension + k] = (float)(scale * (centre[k] + 0.4 * Gaussian(rng)) / Math.Sqrt(dimension));
        }
        return new HiddenStates(values, rows, dimension);
    }

    public static float[][] Centres(int count, int dimension, Random rng) =>
        Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, dimension).Select(_ => (float)Gaussian(rng)).ToArray()).ToArray();

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Row and column sums of a row-major plan.</summary>
    public static (double[] Rows, double[] Columns) Marginals(IReadOnlyList<double> plan, int n, int m)
    {
        var rows = new double[n];
        var columns = new double[m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                rows[i] += plan[i * m + j];
                columns[j] += plan[i * m + j];
            }
        return (rows, columns);
    }
}
