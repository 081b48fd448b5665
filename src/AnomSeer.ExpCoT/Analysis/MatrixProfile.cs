using System.Numerics;

namespace AnomSeer.ExpCoT.Analysis;

/// <summary>
/// The self-join matrix profile with z-normalised Euclidean distance (stumpy's <c>stump(x, m)[:, 0]</c>, as the
/// contextual-point expert of method spec b.3 uses it): for every subsequence of length <c>m</c>, the distance
/// to its nearest neighbour outside the exclusion zone <c>|i - j| &lt;= ceil(m / 4)</c>.
/// </summary>
/// <remarks>
/// <para>Algorithm: STOMP-style O(n²) scan with running mean-centred cross products along each diagonal,
/// <c>C(i+1, j+1) = C(i, j) + df_i·dg_j + df_j·dg_i</c> with <c>df_i = (x[i+m] - x[i]) / 2</c> and
/// <c>dg_i = (x[i+m] - μ_{i+1}) + (x[i] - μ_i)</c>, which avoids the cancellation of raw dot products.
/// The Pearson correlation is <c>ρ = C / (‖x_i - μ_i‖·‖x_j - μ_j‖)</c> and the distance
/// <c>sqrt(2m(1 - ρ))</c>. Rows are processed with SIMD vectors.</para>
/// <para>Constant subsequences (all values equal) follow stumpy's convention: two constant subsequences have
/// ρ = 1 (distance 0), a constant and a non-constant one ρ = 0.5 (distance √m). So no NaN arises.</para>
/// </remarks>
public static class MatrixProfile
{
    /// <summary>The stumpy default exclusion zone half-width, <c>ceil(m / 4)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> is less than 1.</exception>
    public static int DefaultExclusionZone(int m)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        return (m + 3) / 4;
    }

    /// <summary>Computes the matrix profile of <paramref name="values"/> for subsequence length <paramref name="m"/>.</summary>
    /// <param name="values">The series; all values finite; at least <paramref name="m"/> values.</param>
    /// <param name="m">Subsequence length, at least 3.</param>
    /// <param name="exclusionZone">Half-width of the trivial-match zone; <see langword="null"/> for <c>ceil(m / 4)</c>.</param>
    /// <param name="replaceNonFinite">When a subsequence has no admissible neighbour its distance is +∞; with this set
    /// (the default, as spec b.3 does) such entries become the largest finite entry (0 if there is none).</param>
    /// <param name="cancellationToken">Checked every 64 rows.</param>
    /// <returns>One distance per subsequence, <c>values.Length - m + 1</c> entries.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="m"/> &lt; 3 or a negative exclusion zone.</exception>
    /// <exception cref="ArgumentException">Fewer than <paramref name="m"/> values, or a value that is not finite.</exception>
    public static double[] Compute(ReadOnlySpan<double> values, int m, int? exclusionZone = null,
        bool replaceNonFinite = true, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 3);
        int excl = exclusionZone ?? DefaultExclusionZone(m);
        ArgumentOutOfRangeException.ThrowIfNegative(excl, nameof(exclusionZone));
        InputGuard.RequireLength(values, m, nameof(values), $"The matrix profile with m = {m}");
        InputGuard.RequireFinite(values, nameof(values));

        int n = values.Length, nsub = n - m + 1;
        var mu = new double[nsub];
        var invNorm = new double[nsub];
        var adjust = new double[nsub];
        var isConst = new bool[nsub];
        for (int i = 0; i < nsub; i++)
        {
            var s = values.Slice(i, m);
            double mean = SeriesStatistics.MeanUnchecked(s), ss = 0;
            bool constant = true;
            for (int t = 0; t < m; t++)
            {
                double d = s[t] - mean;
                ss += d * d;
                if (s[t] != s[0]) constant = false;
            }
            mu[i] = mean;
            isConst[i] = constant;
            invNorm[i] = constant || ss == 0 ? 0 : 1.0 / Math.Sqrt(ss);
            adjust[i] = constant ? 0.5 : 0;
        }

        var best = new double[nsub];
        Array.Fill(best, double.NegativeInfinity);
        int firstDiag = excl + 1;
        if (firstDiag < nsub)
        {
            var df = new double[nsub];
            var dg = new double[nsub];
            for (int i = 0; i + 1 < nsub; i++)
            {
                df[i] = (values[i + m] - values[i]) / 2;
                dg[i] = (values[i + m] - mu[i + 1]) + (values[i] - mu[i]);
            }

            // diag[k] = centred cross product C(i, i + k) of the current row i.
            var diag = new double[nsub];
            var x0 = values[..m];
            for (int k = firstDiag; k < nsub; k++)
            {
                double c = 0;
                var xk = values.Slice(k, m);
                for (int t = 0; t < m; t++) c += (x0[t] - mu[0]) * (xk[t] - mu[k]);
                diag[k] = c;
            }

            for (int i = 0; i < nsub - firstDiag; i++)
            {
                if ((i & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                int kEnd = nsub - i; // k in [firstDiag, kEnd)
                if (i > 0) UpdateDiagonals(diag, df, dg, i - 1, firstDiag, kEnd);
                double rowBest = isConst[i]
                    ? ConstantRow(isConst, best, i, firstDiag, kEnd)
                    : CorrelateRow(diag, invNorm, adjust, best, i, firstDiag, kEnd);
                if (rowBest > best[i]) best[i] = rowBest;
            }
        }

        var profile = new double[nsub];
        double maxFinite = double.NegativeInfinity;
        for (int i = 0; i < nsub; i++)
        {
            double r = Math.Min(best[i], 1.0);
            profile[i] = double.IsNegativeInfinity(r) ? double.PositiveInfinity : Math.Sqrt(Math.Max(0.0, 2.0 * m * (1.0 - r)));
            if (double.IsFinite(profile[i])) maxFinite = Math.Max(maxFinite, profile[i]);
        }
        if (replaceNonFinite)
        {
            double fill = double.IsFinite(maxFinite) ? maxFinite : 0.0;
            for (int i = 0; i < nsub; i++)
                if (!double.IsFinite(profile[i])) profile[i] = fill;
        }
        return profile;
    }

    // diag[k] += df[p]·dg[p + k] + dg[p]·df[p + k] for k in [k0, k1), moving row p to row p + 1.
    private static void UpdateDiagonals(double[] diag, double[] df, double[] dg, int p, int k0, int k1)
    {
        double a = df[p], b = dg[p];
        var d = diag.AsSpan(k0, k1 - k0);
        var g = dg.AsSpan(p + k0, k1 - k0);
        var f = df.AsSpan(p + k0, k1 - k0);
        int k = 0, vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            for (; k <= d.Length - vw; k += vw)
            {
                var r = new Vector<double>(d[k..]) + va * new Vector<double>(g[k..]) + vb * new Vector<double>(f[k..]);
                r.CopyTo(d[k..]);
            }
        }
        for (; k < d.Length; k++) d[k] += a * g[k] + b * f[k];
    }

    private static double CorrelateRow(double[] diag, double[] invNorm, double[] adjust, double[] best,
        int i, int k0, int k1)
    {
        int len = k1 - k0;
        var d = diag.AsSpan(k0, len);
        var inv = invNorm.AsSpan(i + k0, len);
        var adj = adjust.AsSpan(i + k0, len);
        var col = best.AsSpan(i + k0, len);
        double scale = invNorm[i];
        double rowBest = double.NegativeInfinity;
        int k = 0, vw = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && len >= vw)
        {
            var vs = new Vector<double>(scale);
            var vmax = new Vector<double>(double.NegativeInfinity);
            for (; k <= len - vw; k += vw)
            {
                var r = new Vector<double>(d[k..]) * vs * new Vector<double>(inv[k..]) + new Vector<double>(adj[k..]);
                vmax = Vector.Max(vmax, r);
                Vector.Max(new Vector<double>(col[k..]), r).CopyTo(col[k..]);
            }
            for (int l = 0; l < vw; l++) rowBest = Math.Max(rowBest, vmax[l]);
        }
        for (; k < len; k++)
        {
            double r = d[k] * scale * inv[k] + adj[k];
            if (r > rowBest) rowBest = r;
            if (r > col[k]) col[k] = r;
        }
        return rowBest;
    }

    private static double ConstantRow(bool[] isConst, double[] best, int i, int k0, int k1)
    {
        double rowBest = double.NegativeInfinity;
        for (int k = k0; k < k1; k++)
        {
            double r = isConst[i + k] ? 1.0 : 0.5;
            if (r > rowBest) rowBest = r;
            if (r > best[i + k]) best[i + k] = r;
        }
        return rowBest;
    }
}
