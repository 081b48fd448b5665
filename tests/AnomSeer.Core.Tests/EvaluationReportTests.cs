using AnomSeer.Metrics;

namespace AnomSeer.Core.Tests;

public class EvaluationReportTests
{
    private static AnomalyInterval I(int s, int e) => new(s, e);

    [Fact]
    public void Macro_averages_per_category_and_overall()
    {
        var report = new EvaluationReport();
        var perfect = TsadReward.Score("<think>x</think><answer>[[10, 20]]</answer><class>trend</class>", [I(10, 20)], AnomalyClass.Trend, 100);
        var wrong = TsadReward.Score("nothing", [I(10, 20)], AnomalyClass.Trend, 100);
        var normal = TsadReward.Score("<think>x</think><answer>[]</answer><class>normal</class>", [], AnomalyClass.Normal, 100);
        report.Add("trend", perfect);
        report.Add("trend", wrong);
        report.Add("range", normal);

        var trend = report["trend"];
        Assert.Equal(2, trend.Count);
        Assert.Equal(0.5, trend.AffiliationF1, 12);
        Assert.Equal(0.5, trend.ClassAccuracy, 12);
        Assert.Equal(0.5, trend.FormatRate, 12);
        Assert.Equal(0.5, trend.MeanReward, 12);

        var overall = report.Overall;
        Assert.Equal(3, overall.Count);
        Assert.Equal(2.0 / 3, overall.AffiliationF1, 12);
        Assert.Equal(2.0 / 3, overall.ClassAccuracy, 12);

        string md = report.ToMarkdown();
        Assert.Contains("| trend | 2 | 50.0 | 50.0 | 50.0 |", md);
        Assert.Contains("| overall | 3 | 66.7 |", md);
        Assert.Equal(["trend", "range"], report.Categories.Select(c => c.Category));
    }

    [Fact]
    public void Merge_equals_adding_everything_to_one_report()
    {
        var a = new EvaluationReport();
        var b = new EvaluationReport();
        var all = new EvaluationReport();
        for (int k = 0; k < 10; k++)
        {
            var r = TsadReward.Score($"<think>x</think><answer>[[{k}, {k + 5}]]</answer><class>trend</class>", [I(3, 9)], AnomalyClass.Trend, 50);
            (k % 2 == 0 ? a : b).Add(k % 3 == 0 ? "x" : "y", r);
            all.Add(k % 3 == 0 ? "x" : "y", r);
        }
        a.Merge(b);
        AssertRowsEqual(all.Overall, a.Overall);
        AssertRowsEqual(all["x"], a["x"]);
        AssertRowsEqual(all["y"], a["y"]);
    }

    private static void AssertRowsEqual(EvaluationRow e, EvaluationRow a)
    {
        Assert.Equal(e.Category, a.Category);
        Assert.Equal(e.Count, a.Count);
        double[] ev = [e.AffiliationPrecision, e.AffiliationRecall, e.AffiliationF1, e.Precision, e.Recall, e.F1, e.ClassAccuracy, e.FormatRate, e.MeanReward];
        double[] av = [a.AffiliationPrecision, a.AffiliationRecall, a.AffiliationF1, a.Precision, a.Recall, a.F1, a.ClassAccuracy, a.FormatRate, a.MeanReward];
        for (int i = 0; i < ev.Length; i++) Assert.Equal(ev[i], av[i], 12);
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var report = new EvaluationReport();
        Assert.Throws<ArgumentException>(() => report.Add("overall", TsadReward.Score("", [], AnomalyClass.Normal, 3)));
        Assert.Throws<KeyNotFoundException>(() => report["missing"]);
    }
}
