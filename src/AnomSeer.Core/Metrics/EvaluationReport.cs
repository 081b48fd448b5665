using System.Globalization;
using System.Text;

namespace AnomSeer.Metrics;

/// <summary>
/// Accumulates per-series rewards by category and reports macro averages (over series) per category and
/// overall, as the paper reports them (method spec d.1): affiliation P/R/F1, point-wise P/R/F1, class
/// accuracy and format rate. Printable as a Markdown table. Not thread-safe; use one per thread and
/// <see cref="Merge"/>.
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>The category name of the overall row.</summary>
    public const string OverallCategory = "overall";

    private readonly Dictionary<string, Accumulator> _byCategory = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Accumulator _overall = new();

    /// <summary>Adds the reward of one series to <paramref name="category"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="category"/> is blank or "overall".</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reward"/> is null.</exception>
    public void Add(string category, RewardBreakdown reward)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentNullException.ThrowIfNull(reward);
        if (category == OverallCategory)
            throw new ArgumentException($"'{OverallCategory}' is reserved for the overall row.", nameof(category));
        if (!_byCategory.TryGetValue(category, out var acc))
        {
            acc = new Accumulator();
            _byCategory.Add(category, acc);
            _order.Add(category);
        }
        acc.Add(reward);
        _overall.Add(reward);
    }

    /// <summary>Adds every series of <paramref name="other"/> to this report.</summary>
    public void Merge(EvaluationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var name in other._order)
        {
            if (!_byCategory.TryGetValue(name, out var acc))
            {
                acc = new Accumulator();
                _byCategory.Add(name, acc);
                _order.Add(name);
            }
            acc.Merge(other._byCategory[name]);
        }
        _overall.Merge(other._overall);
    }

    /// <summary>Number of series added.</summary>
    public int Count => _overall.Count;

    /// <summary>The per-category rows, in the order categories were first seen.</summary>
    public IReadOnlyList<EvaluationRow> Categories => _order.Select(c => _byCategory[c].ToRow(c)).ToList();

    /// <summary>The row over all series (macro over series, not over categories).</summary>
    public EvaluationRow Overall => _overall.ToRow(OverallCategory);

    /// <summary>The row of one category.</summary>
    /// <exception cref="KeyNotFoundException">No series was added under <paramref name="category"/>.</exception>
    public EvaluationRow this[string category] => _byCategory.TryGetValue(category, out var acc)
        ? acc.ToRow(category)
        : throw new KeyNotFoundException($"No series in category '{category}'.");

    /// <summary>
    /// A Markdown table with one row per category and the overall row; metrics in percent with
    /// <paramref name="decimals"/> decimals, like the paper's tables.
    /// </summary>
    public string ToMarkdown(int decimals = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var sb = new StringBuilder();
        sb.AppendLine("| category | n | aff-P | aff-R | aff-F1 | P | R | F1 | class acc | format | reward |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Categories.Append(Overall))
        {
            string f(double v) => (100 * v).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            sb.Append("| ").Append(row.Category).Append(" | ").Append(row.Count.ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(f(row.AffiliationPrecision)).Append(" | ").Append(f(row.AffiliationRecall))
              .Append(" | ").Append(f(row.AffiliationF1)).Append(" | ").Append(f(row.Precision))
              .Append(" | ").Append(f(row.Recall)).Append(" | ").Append(f(row.F1))
              .Append(" | ").Append(f(row.ClassAccuracy)).Append(" | ").Append(f(row.FormatRate))
              .Append(" | ").Append(row.MeanReward.ToString("F3", CultureInfo.InvariantCulture)).AppendLine(" |");
        }
        return sb.ToString();
    }

    private sealed class Accumulator
    {
        // Sums of: affP, affR, affF1, P, R, F1, class, format, reward.
        private readonly double[] _sums = new double[9];

        public int Count { get; private set; }

        public void Add(RewardBreakdown b)
        {
            Count++;
            ReadOnlySpan<double> v = [b.AffiliationPrecision, b.AffiliationRecall, b.AffiliationF1, b.Precision, b.Recall, b.F1, b.ClassCorrect, b.Format, b.Total];
            for (int i = 0; i < _sums.Length; i++) _sums[i] += v[i];
        }

        public void Merge(Accumulator o)
        {
            Count += o.Count;
            for (int i = 0; i < _sums.Length; i++) _sums[i] += o._sums[i];
        }

        public EvaluationRow ToRow(string name)
        {
            double n = Math.Max(1, Count);
            var m = _sums;
            return new EvaluationRow(name, Count, m[0] / n, m[1] / n, m[2] / n, m[3] / n, m[4] / n, m[5] / n, m[6] / n, m[7] / n, m[8] / n);
        }
    }
}
