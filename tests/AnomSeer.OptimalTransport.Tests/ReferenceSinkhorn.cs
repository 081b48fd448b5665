namespace AnomSeer.OptimalTransport.Tests;

/// <summary>Independent, deliberately plain float64 references the solvers are checked against.</summary>
internal static class ReferenceSinkhorn
{
    /// <summary>Spec b.5 step 5 written as scalar loops; returns W and the plan.</summary>
    public static (double W, double[] Plan) Scaling(double[] c, int n, int m, double[] r0, double[] c0, double eps, int iterations)
    {
        var r = r0.Select(x => Math.Max(x, 1e-12)).ToArray();
        double rs = r.Sum();
        for (int i = 0; i < n; i++) r[i] /= rs;
        var cc = c0.Select(x => Math.Max(x, 1e-12)).ToArray();
        double cs = cc.Sum();
        for (int j = 0; j < m; j++) cc[j] /= cs;

        var k = new double[n * m];
        for (int x = 0; x < k.Length; x++) k[x] = Math.Max(Math.Exp(-c[x] / Math.Max(eps, 1e-6)), 1e-300);
        var u = Enumerable.Repeat(1.0, n).ToArray();
        var v = Enumerable.Repeat(1.0, m).ToArray();
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < m; j++) s += k[i * m + j] * v[j];
                u[i] = Fix(r[i] / (s + 1e-300));
            }
            for (int j = 0; j < m; j++)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += k[i * m + j] * u[i];
                v[j] = Fix(cc[j] / (s + 1e-300));
            }
        }
        var plan = new double[n * m];
        double w = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                double t = u[i] * k[i * m + j] * v[j];
                if (!double.IsFinite(t)) t = 0;
                plan[i * m + j] = t;
                w += t * c[i * m + j];
            }
        return (w, plan);
    }

    private static double Fix(double x) => double.IsNaN(x) ? 0 : double.IsPositiveInfinity(x) ? 1e300 : x;

    /// <summary>Minimum over all permutations π of Σ_i C[i, π(i)] (n ≤ 8), and the minimising permutation.</summary>
    public static (double Cost, int[] Permutation) BruteForceAssignment(double[] c, int n)
    {
        var perm = Enumerable.Range(0, n).ToArray();
        double best = double.PositiveInfinity;
        int[] bestPerm = (int[])perm.Clone();
        void Recurse(int depth)
        {
            if (depth == n)
            {
                double s = 0;
                for (int i = 0; i < n; i++) s += c[i * n + perm[i]];
                if (s < best) { best = s; bestPerm = (int[])perm.Clone(); }
                return;
            }
            for (int x = depth; x < n; x++)
            {
                (perm[depth], perm[x]) = (perm[x], perm[depth]);
                Recurse(depth + 1);
                (perm[depth], perm[x]) = (perm[x], perm[depth]);
            }
        }
        Recurse(0);
        return (best, bestPerm);
    }

    /// <summary>Deterministic random problem: costs uniform in [0, 2], positive random masses.</summary>
    public static (double[] C, double[] A, double[] B) RandomProblem(int n, int m, int seed, double maxCost = 2.0)
    {
        var rng = new Random(seed);
        var c = new double[n * m];
        for (int x = 0; x < c.Length; x++) c[x] = rng.NextDouble() * maxCost;
        var a = new double[n];
        for (int i = 0; i < n; i++) a[i] = 0.1 + rng.NextDouble();
        var b = new double[m];
        for (int j = 0; j < m; j++) b[j] = 0.1 + rng.NextDouble();
        double sa = a.Sum(), sb = b.Sum();
        for (int i = 0; i < n; i++) a[i] /= sa;
        for (int j = 0; j < m; j++) b[j] /= sb;
        return (c, a, b);
    }

    public static SinkhornProblem<double> Problem(double[] c, int n, int m, double[] a, double[] b) => new(c, n, m, a, b);

    public static SinkhornProblem<float> ProblemF(double[] c, int n, int m, double[] a, double[] b) =>
        new(c.Select(x => (float)x).ToArray(), n, m, a.Select(x => (float)x).ToArray(), b.Select(x => (float)x).ToArray());

    public static (double[] Rows, double[] Cols) Marginals(IReadOnlyList<double> plan, int n, int m)
    {
        var rows = new double[n];
        var cols = new double[m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                rows[i] += plan[i * m + j];
                cols[j] += plan[i * m + j];
            }
        return (rows, cols);
    }
}
