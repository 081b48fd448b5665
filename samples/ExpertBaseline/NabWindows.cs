using System.Globalization;
using System.Text.Json;
using AnomSeer;
using AnomSeer.ExpCoT.Detection;
using AnomSeer.Metrics;

namespace ExpertBaseline;

/// <summary>
/// NAB files cut into consecutive windows of at most 1000 points (spec g.11); each NAB label window
/// <c>[start_ts, end_ts]</c> becomes the half-open index interval of the timestamps it covers. Reports the mean
/// affiliation F1 per file over the windows that contain an anomaly, and over all windows (normal windows score 1
/// when the detector answers "no anomaly", else 0, as in the reward's empty-set convention).
/// </summary>
internal static class NabWindows
{
    private const int Window = 1000;

    public static void Run(ExpertDetector detector, string nabRoot, TextWriter output)
    {
        var labels = JsonSerializer.Deserialize<Dictionary<string, string[][]>>(File.ReadAllText(Path.Combine(nabRoot, "labels", "combined_windows.json")))!;
        output.WriteLine($"## NAB (windows of ≤ {Window} points; affiliation F1, %)");
        output.WriteLine();
        output.WriteLine("| file | length | windows | windows with anomaly | aff-F1 (anomalous windows) | aff-F1 (all windows) | point F1 (anomalous windows) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        double sumAnom = 0, sumAll = 0;
        int files = 0, filesWithAnom = 0;
        foreach (var (key, windows) in labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(nabRoot, "data", key);
            if (!File.Exists(path)) continue;
            var (ts, valueArray) = ReadCsv(path);
            ReadOnlySpan<double> values = valueArray;
            var gt = windows.Select(w => ToInterval(ts, Parse(w[0]), Parse(w[1]))).Where(i => i is not null).Select(i => i!.Value).ToList();

            var anomF1 = new List<double>();
            var anomPointF1 = new List<double>();
            var allF1 = new List<double>();
            for (int start = 0; start < values.Length; start += Window)
            {
                int len = Math.Min(Window, values.Length - start);
                if (len < 100) break; // a short tail is not a meaningful window
                var local = gt.Where(g => g.End > start && g.Start < start + len)
                    .Select(g => new AnomalyInterval(Math.Max(g.Start, start) - start, Math.Min(g.End, start + len) - start)).ToList();
                string answer = detector.Detect(values.Slice(start, len)).ToAnswerText();
                var r = TsadReward.Score(answer, local, (AnomalyClass?)null, len);
                allF1.Add(r.AffiliationF1);
                if (local.Count > 0)
                {
                    anomF1.Add(r.AffiliationF1);
                    anomPointF1.Add(r.F1);
                }
            }
            files++;
            sumAll += allF1.Average();
            string anom = anomF1.Count > 0 ? (100 * anomF1.Average()).ToString("F1", CultureInfo.InvariantCulture) : "–";
            string pf1 = anomPointF1.Count > 0 ? (100 * anomPointF1.Average()).ToString("F1", CultureInfo.InvariantCulture) : "–";
            if (anomF1.Count > 0)
            {
                filesWithAnom++;
                sumAnom += anomF1.Average();
            }
            output.WriteLine($"| {key} | {values.Length} | {allF1.Count} | {anomF1.Count} | {anom} | {100 * allF1.Average():F1} | {pf1} |");
        }
        output.WriteLine($"| **mean over files** | | | | {(filesWithAnom > 0 ? 100 * sumAnom / filesWithAnom : 0):F1} | {(files > 0 ? 100 * sumAll / files : 0):F1} | |");
        output.WriteLine();
    }

    // NAB CSVs are "timestamp,value" with a header. Read directly: one file (ec2_request_latency_system_failure.csv)
    // repeats a timestamp at a daylight-saving change, which a strictly-increasing loader rejects.
    private static (DateTime[] Timestamps, double[] Values) ReadCsv(string path)
    {
        var ts = new List<DateTime>();
        var vs = new List<double>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            int comma = line.IndexOf(',');
            ts.Add(DateTime.ParseExact(line[..comma], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            vs.Add(double.Parse(line[(comma + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return (ts.ToArray(), vs.ToArray());
    }

    private static DateTime Parse(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static AnomalyInterval? ToInterval(IReadOnlyList<DateTime> ts, DateTime from, DateTime to)
    {
        int a = -1, b = -1;
        for (int i = 0; i < ts.Count; i++)
        {
            if (a < 0 && ts[i] >= from) a = i;
            if (ts[i] <= to) b = i;
        }
        return a >= 0 && b >= a ? new AnomalyInterval(a, b + 1) : null;
    }
}
