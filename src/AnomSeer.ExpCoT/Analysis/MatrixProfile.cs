using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

            bool anyConstant = Array.IndexOf(isConst, true) >= 0;
            for (int i = 0; i < nsub - firstDiag; i++)
            {
                if ((i & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
                int kEnd = nsub - i; // k in [firstDiag, kEnd)
                double rowBest = isConst[i]
                    ? UpdateConstantRow(diag, df, dg, isConst, best, i, firstDiag, kEnd)
                    : UpdateRow(diag, df, dg, invNorm, anyConstant ? adjust : null, best, i, firstDiag, kEnd);
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

    // Moves diag from row i - 1 to row i (diag[k] += df[i-1]·dg[i-1+k] + dg[i-1]·df[i-1+k]; nothing to do for
    // row 0), correlates row i with every admissible j = i + k, updates the column maxima best[j] and returns the row
    // maximum. One fused pass over the row.
    private static double UpdateRow(double[] diag, double[] df, double[] dg, double[] invNorm, double[]? adjust,
        double[] best, int i, int k0, int k1)
    {
        int len = k1 - k0;
        int p = i - 1;
        double a = i > 0 ? df[p] : 0, b = i > 0 ? dg[p] : 0, scale = invNorm[i];
        ref double d = ref diag[k0];
        ref double g = ref (i > 0 ? ref dg[p + k0] : ref dg[0]);
        ref double f = ref (i > 0 ? ref df[p + k0] : ref df[0]);
        ref double inv = ref invNorm[i + k0];
        ref double col = ref best[i + k0];
        double rowBest = double.NegativeInfinity;
        int k = 0;
        if (Vector512.IsHardwareAccelerated && adjust is null)
        {
            // Same update as the Vector<T> loop below, eight lanes wide where the CPU has AVX-512
            // (Vector<T> stays 256 bits wide by default).
            var va = Vector512.Create(a);
            var vb = Vector512.Create(b);
            var vs = Vector512.Create(scale);
            var vmax = Vector512.Create(double.NegativeInfinity);
            for (; k <= len - Vector512<double>.Count; k += Vector512<double>.Count)
            {
                var vd = Vector512.LoadUnsafe(ref d, (nuint)k);
                if (i > 0)
                {
                    vd += va * Vector512.LoadUnsafe(ref g, (nuint)k) + vb * Vector512.LoadUnsafe(ref f, (nuint)k);
                    vd.StoreUnsafe(ref d, (nuint)k);
                }
                var r = vd * vs * Vector512.LoadUnsafe(ref inv, (nuint)k);
                vmax = Vector512.Max(vmax, r);
                Vector512.Max(Vector512.LoadUnsafe(ref col, (nuint)k), r).StoreUnsafe(ref col, (nuint)k);
            }
            for (int l = 0; l < Vector512<double>.Count; l++) rowBest = Math.Max(rowBest, vmax.GetElement(l));
        }
        if (Vector.IsHardwareAccelerated && adjust is null)
        {
            int vw = Vector<double>.Count;
            var va = new Vector<double>(a);
            var vb = new Vector<double>(b);
            var vs = new Vector<double>(scale);
            var vmax = new Vector<double>(double.NegativeInfinity);
            for (; k <= len - vw; k += vw)
            {
                var vd = Vector.LoadUnsafe(ref d, (nuint)k);
                if (i > 0)
                {
                    vd += va * Vector.LoadUnsafe(ref g, (nuint)k) + vb * Vector.LoadUnsafe(ref f, (nuint)k);
                    vd.StoreUnsafe(ref d, (nuint)k);
                }
                var r = vd * vs * Vector.LoadUnsafe(ref inv, (nuint)k);
                vmax = Vector.Max(vmax, r);
                Vector.Max(Vector.LoadUnsafe(ref col, (nuint)k), r).StoreUnsafe(ref col, (nuint)k);
            }
            for (int l = 0; l < vw; l++) rowBest = Math.Max(rowBest, vmax[l]);
        }
        for (; k < len; k++)
        {
            ref double dk = ref Unsafe.Add(ref d, k);
            if (i > 0) dk += a * Unsafe.Add(ref g, k) + b * Unsafe.Add(ref f, k);
            double r = dk * scale * Unsafe.Add(ref inv, k) + (adjust is null ? 0 : adjust[i + k0 + k]);
            if (r > rowBest) rowBest = r;
            ref double ck = ref Unsafe.Add(ref col, k);
            if (r > ck) ck = r;
        }
        return rowBest;
    }

    // A constant subsequence i: ρ = 1 against constant ones, 0.5 against the others (stumpy's convention); the
    // diagonals still move on for the following rows.
    private static double UpdateConstantRow(double[] diag, double[] df, double[] dg, bool[] isConst, double[] best,
        int i, int k0, int k1)
    {
        double rowBest = double.NegativeInfinity;
        int p = i - 1;
        for (int k = k0; k < k1; k++)
        {
            if (i > 0) diag[k] += df[p] * dg[p + k] + dg[p] * df[p + k];
            double r = isConst[i + k] ? 1.0 : 0.5;
            if (r > rowBest) rowBest = r;
            if (r > best[i + k]) best[i + k] = r;
        }
        return rowBest;
    }
}
