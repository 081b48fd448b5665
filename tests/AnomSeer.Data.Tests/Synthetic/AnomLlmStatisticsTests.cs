using AnomSeer.Data.Random;
using AnomSeer.Data.Synthetic;

namespace AnomSeer.Data.Tests.Synthetic;

/// <summary>
/// The statistical check of issue 3: over 20,000 generated series per task, the fraction of anomaly-free
/// series and the mean number of intervals agree with the table of method spec c.1 (within 0.02 and 0.05),
/// and with the closed form P(no anomaly) = exp(−L / NormalMean) (valid because every MinimumNormal is below L).
/// </summary>
public class AnomLlmStatisticsTests
{
    private const int SeriesPerTask = 20_000;

    // Spec c.1 table: P(no anomaly), mean # intervals, mean anomalous points (of 1000).
    [Theory]
    [InlineData(AnomLlmTask.Range, 0.29, 1.22, 24)]
    [InlineData(AnomLlmTask.Point, 0.29, 1.13, 33)]
    [InlineData(AnomLlmTask.Freq, 0.11, 2.14, 34)]
    [InlineData(AnomLlmTask.Trend, 0.55, 0.45, 41)]
    [InlineData(AnomLlmTask.FlatTrend, 0.55, 0.45, 41)]
    [InlineData(AnomLlmTask.NoisyPoint, 0.29, 1.13, 33)]
    [InlineData(AnomLlmTask.NoisyFreq, 0.11, 2.14, 34)]
    [InlineData(AnomLlmTask.NoisyTrend, 0.55, 0.45, 41)]
    public void Label_statistics_match_the_spec_table(AnomLlmTask task, double pNormal, double meanIntervals, double meanPoints)
    {
        var generator = new AnomLlmGenerator();
        int normal = 0;
        long intervals = 0, points = 0;
        int maxIntervals = 0;
        var locker = new object();
        Parallel.For(0, 2, part =>
        {
            int n0 = 0, mx = 0;
            long iv = 0, pts = 0;
            var values = new double[generator.Options.Length];
            var list = new List<AnomalyInterval>();
            for (int i = part; i < SeriesPerTask; i += 2)
            {
                generator.Fill(task, SeededRandom.ForStream(2024, AnomLlmGenerator.StreamId(task), (ulong)i), values, list);
                if (list.Count == 0) n0++;
                iv += list.Count;
                mx = Math.Max(mx, list.Count);
                foreach (var a in list) pts += a.Length;
            }
            lock (locker)
            {
                normal += n0; intervals += iv; points += pts; maxIntervals = Math.Max(maxIntervals, mx);
            }
        });

        double fracNormal = normal / (double)SeriesPerTask;
        double meanCount = intervals / (double)SeriesPerTask;
        double meanPts = points / (double)SeriesPerTask;
        Assert.InRange(fracNormal, pNormal - 0.02, pNormal + 0.02);
        Assert.InRange(meanCount, meanIntervals - 0.05, meanIntervals + 0.05);
        Assert.InRange(meanPts, meanPoints * 0.9, meanPoints * 1.1);

        // Closed form, independent of the table: the first normal stretch max(Exp(mu), m) reaches L = 1000
        // with probability exp(-1000/mu) (m < 1000 for every task).
        var o = generator.Options;
        var p = task.BaseTask() switch
        {
            AnomLlmTask.Range => o.RangeIntervals,
            AnomLlmTask.Point => o.PointIntervals,
            AnomLlmTask.Freq => o.FreqIntervals,
            _ => o.TrendIntervals,
        };
        double exact = Math.Exp(-o.Length / p.NormalMean);
        Assert.InRange(fracNormal, exact - 0.012, exact + 0.012); // ~3.5 standard errors
        if (task.BaseTask() is AnomLlmTask.Trend or AnomLlmTask.FlatTrend)
            Assert.Equal(1, maxIntervals); // min normal 800 + min anomaly 50 + min normal 800 > 1000
    }
}
